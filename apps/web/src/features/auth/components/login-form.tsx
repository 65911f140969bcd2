import { type AuthSession, type LoginInput, loginInput } from '@tessera/contracts';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { isTotpRequired, useLogin } from '../api/login';
import { authLinkClass } from './auth-card';
import { describeAuthError } from './auth-errors';
import { SubmitButton } from './submit-button';

export interface LoginFormProps {
  onSignedIn: (session: AuthSession) => unknown;
  /** The account has two-factor authentication: ask for the code next. */
  onTotpRequired: (credentials: LoginInput) => void;
}

/** Step 1 of signing in: e-mail and password. */
export function LoginForm({ onSignedIn, onTotpRequired }: LoginFormProps) {
  const form = useZodForm(loginInput, { email: '', password: '' });
  const { mutateAsync } = useLogin();

  const onSubmit = form.handleSubmit(async (credentials) => {
    try {
      await onSignedIn(await mutateAsync(credentials));
    } catch (error) {
      if (!isTotpRequired(error)) throw error;
      onTotpRequired(credentials);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {form.formError ? (
        <ErrorAlert error={form.formError} message={describeAuthError(form.formError)} />
      ) : null}
      <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.field('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        hint={
          <Link to="/forgot-password" className={authLinkClass}>
            Forgot your password?
          </Link>
        }
        {...form.field('password')}
      />
      <SubmitButton pending={form.submitting}>Sign in</SubmitButton>
    </form>
  );
}
