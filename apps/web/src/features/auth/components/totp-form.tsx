import { type AuthSession, type LoginInput, loginInput } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { isTotpRequired, useLogin } from '../api/login';
import { describeAuthError } from './auth-errors';
import { SubmitButton } from './submit-button';

export interface TotpFormProps {
  credentials: LoginInput;
  onSignedIn: (session: AuthSession) => unknown;
  onBack: () => void;
}

/** Step 2 of signing in when two-factor authentication is on: the 6-digit code, sent with the credentials. */
export function TotpForm({ credentials, onSignedIn, onBack }: TotpFormProps) {
  const form = useZodForm(
    loginInput,
    { totp: '' },
    { toInput: ({ totp }) => ({ ...credentials, totp: totp.trim() }) },
  );
  const { mutateAsync } = useLogin();

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      await onSignedIn(await mutateAsync(input));
    } catch (error) {
      if (!isTotpRequired(error)) throw error;
      form.setErrors({ totp: 'That code is not valid. Check your authenticator app and try again.' });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="totp-step">
      {form.formError ? (
        <ErrorAlert error={form.formError} message={describeAuthError(form.formError)} />
      ) : null}
      <TextField
        label="Authentication code"
        autoComplete="one-time-code"
        maxLength={11}
        autoFocus
        placeholder="123456"
        hint="Enter the 6-digit code from your authenticator app, or one of your recovery codes."
        data-testid="totp-code"
        {...form.field('totp')}
      />
      <SubmitButton pending={form.submitting}>Verify</SubmitButton>
      <Button variant="ghost" className="w-full" onClick={onBack}>
        Use a different account
      </Button>
    </form>
  );
}
