import type { Invitation } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Column } from '../../../components/ui/data-table';
import { formatDate } from '../../../lib/format';
import { useInvitations } from '../api/list-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';

const statusTone: Record<Invitation['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

/** Pending invitations (and recent accepted / revoked / expired ones) with "Revoke". */
export function InvitationsSection({ canManage }: { canManage: boolean }) {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const rows = invitations.data
    ?.slice()
    .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));

  const columns: Column<Invitation>[] = [
    { key: 'email', header: 'Email', cell: (invitation) => invitation.email },
    { key: 'role', header: 'Role', cell: (invitation) => invitation.roleName },
    {
      key: 'status',
      header: 'Status',
      cell: (invitation) => <Badge tone={statusTone[invitation.status]}>{invitation.status}</Badge>,
    },
    { key: 'sent', header: 'Sent', cell: (invitation) => formatDate(invitation.createdAt) },
    { key: 'expires', header: 'Expires', cell: (invitation) => formatDate(invitation.expiresAt) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (invitation) =>
        invitation.status === 'pending' ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setRevoking(invitation)}
            aria-label={`Revoke invitation for ${invitation.email}`}
          >
            Revoke
          </Button>
        ) : null,
    });
  }

  return (
    <TableSection
      label="Invitations"
      description="People invited by e-mail who have not joined yet."
      testId="invitations-table"
      columns={columns}
      query={invitations}
      rows={rows}
      rowKey={(invitation) => invitation.id}
      empty="No invitations. Use “Invite member” to add someone by e-mail."
    >
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        The link sent to {revoking?.email} will stop working.
      </ConfirmDialog>
    </TableSection>
  );
}
