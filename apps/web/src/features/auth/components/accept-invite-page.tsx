import type { AuthSession } from '@tessera/contracts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useMe } from '../../../hooks/use-me';
import { isApiClientError } from '../../../lib/api-error';
import { useInvitationLookup } from '../api/lookup-invitation';
import { useStartSession } from '../api/use-start-session';
import { AcceptInviteForm } from './accept-invite-form';
import { AuthCard, authLinkClass } from './auth-card';

/** `/invite?token=…`: shows the company and role of the invitation, then accepts it. */
export function AcceptInvitePage() {
  useDocumentTitle('Accept invitation');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const lookup = useInvitationLookup(token);
  const me = useMe();
  const navigate = useNavigate();
  const startSession = useStartSession();

  const onAccepted = async (session: AuthSession) => {
    startSession(session);
    await navigate('/', { replace: true });
  };

  const footer = (
    <Link to="/login" className={authLinkClass}>
      Go to sign in
    </Link>
  );

  if (!token || (isApiClientError(lookup.error) && [400, 404, 410].includes(lookup.error.status))) {
    return (
      <AuthCard title="Invitation not found" footer={footer}>
        <Alert tone="warning" title="This invitation link is not valid">
          It may have expired, been revoked or already used. Ask the person who invited you to send a new one.
        </Alert>
      </AuthCard>
    );
  }
  if (lookup.error) {
    return (
      <AuthCard title="Accept invitation" footer={footer}>
        <ErrorAlert error={lookup.error} onRetry={() => void lookup.refetch()} />
      </AuthCard>
    );
  }
  if (!lookup.data || me.isPending) {
    return (
      <AuthCard title="Accept invitation">
        <div aria-busy="true" className="space-y-3">
          <span className="sr-only">Loading the invitation…</span>
          <Skeleton className="w-2/3" />
          <Skeleton className="w-1/2" />
          <Skeleton className="h-10" />
        </div>
      </AuthCard>
    );
  }
  const invitation = lookup.data;
  return (
    <AuthCard
      title={`Join ${invitation.tenantName}`}
      description={
        <span data-testid="invite-summary">
          You have been invited to <strong>{invitation.tenantName}</strong> as{' '}
          <strong>{invitation.roleName}</strong> ({invitation.email}).
        </span>
      }
    >
      <AcceptInviteForm token={token} invitation={invitation} me={me.data ?? null} onAccepted={onAccepted} />
    </AuthCard>
  );
}
