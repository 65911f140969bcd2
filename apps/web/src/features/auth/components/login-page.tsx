import type { AuthSession, LoginInput } from '@tessera/contracts';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { safeNextPath } from '../../../lib/next-path';
import { useStartSession } from '../api/use-start-session';
import { AuthCard, authLinkClass } from './auth-card';
import { LoginForm } from './login-form';
import { TotpForm } from './totp-form';

/** `/login?next=…`: e-mail + password, then the 2FA code when the account needs it; then `next` or `/`. */
export function LoginPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [awaitingCode, setAwaitingCode] = useState<LoginInput | null>(null);

  const onSignedIn = async (session: AuthSession) => {
    startSession(session);
    await navigate(next, { replace: true });
  };

  return awaitingCode ? (
    <AuthCard title="Two-factor authentication" description={`Signing in as ${awaitingCode.email}.`}>
      <TotpForm credentials={awaitingCode} onSignedIn={onSignedIn} onBack={() => setAwaitingCode(null)} />
    </AuthCard>
  ) : (
    <AuthCard
      title="Sign in to Tessera"
      description="Welcome back. Sign in with your work e-mail."
      footer={
        <p>
          New to Tessera?{' '}
          <Link to="/signup" className={authLinkClass}>
            Create an account
          </Link>
        </p>
      }
    >
      <LoginForm onSignedIn={onSignedIn} onTotpRequired={setAwaitingCode} />
    </AuthCard>
  );
}
