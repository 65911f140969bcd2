import type { PortalAccess } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Column } from '../../../components/ui/data-table';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { formatDate } from '../../../lib/format';
import { showToast } from '../../../stores/toast-store';
import { usePortalAccessList, useRevokePortalAccess } from '../api/portal-access';
import { GrantPortalAccessForm } from './grant-portal-access-form';

/**
 * `/settings/portal` (portal.manage): who sees which company in the customer portal — the e-mail, the company,
 * whether a member is linked or the invitation is still pending; revoke (with a confirmation) and grant.
 */
export function PortalAccessPage() {
  useDocumentTitle('Customer portal');
  const list = usePortalAccessList();
  const revoke = useRevokePortalAccess();
  const [revoking, setRevoking] = useState<PortalAccess | null>(null);

  const columns: Column<PortalAccess>[] = [
    {
      key: 'email',
      header: 'E-mail',
      cell: (a) => (
        <div className="min-w-0">
          <span className="font-medium [overflow-wrap:anywhere]">{a.email}</span>
          {/* On a phone the company and the member state go under the e-mail. */}
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-600 sm:hidden dark:text-zinc-400">
            <span>{a.companyName}</span>
            <MemberBadge access={a} />
          </div>
        </div>
      ),
    },
    { key: 'company', header: 'Company', className: 'hidden sm:table-cell', cell: (a) => a.companyName },
    {
      key: 'member',
      header: 'Member',
      className: 'hidden sm:table-cell',
      cell: (a) => <MemberBadge access={a} />,
    },
    {
      key: 'since',
      header: 'Since',
      className: 'hidden md:table-cell',
      cell: (a) => formatDate(a.createdAt),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (a) => (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setRevoking(a)}
          aria-label={`Revoke ${a.email} for ${a.companyName}`}
        >
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <TableSection
      label="Customer portal"
      description="Customers who sign in see only their company's quotes, invoices and payments. Grant an e-mail access to one company; someone not yet a member gets access once invited and signed up."
      testId="portal-access-table"
      notice={<GrantPortalAccessForm />}
      columns={columns}
      query={list}
      rows={list.data}
      rowKey={(a) => a.id}
      empty="Nobody has portal access yet. Grant it above, or use “Invite to portal” on a contact."
    >
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={`Revoke portal access of ${revoking?.email ?? 'this e-mail'}?`}
        confirmLabel="Revoke access"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              showToast(`${revoking.email} no longer sees ${revoking.companyName}`, 'success');
              setRevoking(null);
            },
          })
        }
      >
        {revoking?.email} no longer sees {revoking?.companyName} in the portal. The member account itself
        stays.
      </ConfirmDialog>
    </TableSection>
  );
}

function MemberBadge({ access }: { access: PortalAccess }) {
  return access.userId ? <Badge tone="success">Linked</Badge> : <Badge tone="warning">Pending sign-up</Badge>;
}
