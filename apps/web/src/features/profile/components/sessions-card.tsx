import type { Session } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Column } from '../../../components/ui/data-table';
import { formatDateTime } from '../../../lib/format';
import { useSessions } from '../api/list-sessions';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { describeUserAgent } from './describe-user-agent';

/** Where the user is signed in, with "Sign out" per device and for all other devices. */
export function SessionsCard() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [confirmAll, setConfirmAll] = useState(false);
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  const columns: Column<Session>[] = [
    {
      key: 'device',
      header: 'Device',
      cell: (session) => (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium" title={session.userAgent ?? undefined}>
            {session.kind === 'token' ? 'API token' : describeUserAgent(session.userAgent)}
          </span>
          {session.current ? <Badge tone="success">This device</Badge> : null}
        </div>
      ),
    },
    {
      key: 'ip',
      header: 'IP address',
      cell: (session) => <span className="font-mono text-xs">{session.ip ?? '—'}</span>,
    },
    { key: 'last-seen', header: 'Last active', cell: (session) => formatDateTime(session.lastSeenAt) },
    { key: 'created', header: 'Signed in', cell: (session) => formatDateTime(session.createdAt) },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (session) =>
        session.current ? null : (
          <Button
            variant="secondary"
            size="sm"
            disabled={revoke.isPending && revoke.variables === session.id}
            onClick={() => revoke.mutate(session.id)}
            aria-label={`Sign out ${describeUserAgent(session.userAgent)} (${session.ip ?? 'unknown IP'})`}
          >
            Sign out
          </Button>
        ),
    },
  ];

  return (
    <TableSection
      label="Sessions"
      description="Devices where you are signed in. Sign out any you do not recognise."
      actions={
        <Button variant="secondary" disabled={others === 0} onClick={() => setConfirmAll(true)}>
          Sign out all other sessions
        </Button>
      }
      notice={
        <>
          {revoke.error ? <ErrorAlert error={revoke.error} title="Could not sign out that session" /> : null}
          {revokeOthers.isSuccess ? (
            <Alert tone="success">All other sessions have been signed out.</Alert>
          ) : null}
        </>
      }
      testId="sessions-table"
      columns={columns}
      query={sessions}
      rows={sessions.data}
      rowKey={(session) => session.id}
      empty="No sessions."
    >
      <ConfirmDialog
        open={confirmAll}
        onClose={() => setConfirmAll(false)}
        title="Sign out all other sessions?"
        confirmLabel="Sign out others"
        pending={revokeOthers.isPending}
        error={revokeOthers.error}
        onConfirm={() => revokeOthers.mutate(undefined, { onSuccess: () => setConfirmAll(false) })}
      >
        Every other device ({others}) will have to sign in again. This device stays signed in.
      </ConfirmDialog>
    </TableSection>
  );
}
