import { passwordForgotInput } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/form-field';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useForgotPassword } from '../api/forgot-password';
import { AuthCard, authLinkClass } from './auth-card';
import { describeAuthError } from './auth-errors';
import { SubmitButton } from './submit-button';

/** `/forgot-password`: asks for a reset link; the answer never reveals whether the account exists. */
export function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { mutateAsync } = useForgotPassword();
  const form = useZodForm(passwordForgotInput, { email: '' });

  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    setSentTo(input.email);
  });

  return (
    <AuthCard
      title="Reset your password"
      description="Enter the e-mail you sign in with and we will send you a link to choose a new password."
      footer={
        <Link to="/login" className={authLinkClass}>
          Back to sign in
        </Link>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="Check your inbox" data-testid="forgot-password-sent">
          If an account exists for {sentTo}, we sent a link to reset its password. The link expires soon, so
          use it today.
        </Alert>
      ) : (
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {form.formError ? (
            <ErrorAlert error={form.formError} message={describeAuthError(form.formError)} />
          ) : null}
          <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.field('email')} />
          <SubmitButton pending={form.submitting}>Send reset link</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
