import { PASSWORD_MIN, signupInput } from '@tessera/contracts';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/form-field';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useSignup } from '../api/signup';
import { useStartSession } from '../api/use-start-session';
import { AuthCard, authLinkClass } from './auth-card';
import { describeAuthError } from './auth-errors';
import { SubmitButton } from './submit-button';

/** `/signup`: creates a company account and its owner, then opens the app. */
export function SignupPage() {
  useDocumentTitle('Create your account');
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { mutateAsync } = useSignup();
  const form = useZodForm(signupInput, { tenantName: '', name: '', email: '', password: '' });

  const onSubmit = form.handleSubmit(async (input) => {
    startSession(await mutateAsync(input));
    await navigate('/', { replace: true });
  });

  return (
    <AuthCard
      title="Create your Tessera account"
      description="Set up your company's workspace. You can invite your team afterwards."
      footer={
        <p>
          Already have an account?{' '}
          <Link to="/login" className={authLinkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {form.formError ? (
          <ErrorAlert error={form.formError} message={describeAuthError(form.formError)} />
        ) : null}
        <TextField label="Company name" autoComplete="organization" autoFocus {...form.field('tenantName')} />
        <TextField label="Your name" autoComplete="name" {...form.field('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...form.field('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          {...form.field('password')}
        />
        <SubmitButton pending={form.submitting}>Create account</SubmitButton>
      </form>
    </AuthCard>
  );
}
