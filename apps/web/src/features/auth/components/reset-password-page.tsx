import { PASSWORD_MIN, passwordResetInput } from '@tessera/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { buttonClasses } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useResetPassword } from '../api/reset-password';
import { AuthCard, authLinkClass } from './auth-card';
import { SubmitButton } from './submit-button';

/** `/reset-password?token=…`: chooses a new password with the token from the e-mail. */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [done, setDone] = useState(false);
  const { mutateAsync } = useResetPassword();
  const form = useZodForm(
    passwordResetInput,
    { password: '' },
    { toInput: ({ password }) => ({ token, password }) },
  );

  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    setDone(true);
  });

  const footer = (
    <Link to="/forgot-password" className={authLinkClass}>
      Request a new link
    </Link>
  );

  if (!token) {
    return (
      <AuthCard title="Choose a new password" footer={footer}>
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the e-mail again, or request a new one.
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" footer={done ? undefined : footer}>
      {done ? (
        <div className="space-y-4">
          <Alert tone="success" title="Password changed" data-testid="reset-password-done">
            Your password has been changed. Sign in with the new one.
          </Alert>
          <Link to="/login" className={buttonClasses({ className: 'w-full' })}>
            Sign in
          </Link>
        </div>
      ) : (
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {form.formError ? (
            <ErrorAlert error={form.formError} title="The password could not be changed" />
          ) : null}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            autoFocus
            hint={`At least ${PASSWORD_MIN} characters.`}
            {...form.field('password')}
          />
          <SubmitButton pending={form.submitting}>Change password</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
