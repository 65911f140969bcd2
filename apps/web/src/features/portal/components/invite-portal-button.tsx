import { useMutation } from '@tanstack/react-query';
import { portalInviteResultSchema } from '@tessera/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { showToast } from '../../../stores/toast-store';

/**
 * "Invite to portal" on a contact page (portal.manage): invites the contact's e-mail as a member with the customer
 * role and links the contact's company (`POST /api/v1/portal-access/invite`). The server answers 400 when the
 * contact has no e-mail or no company; the dialog shows it.
 */
export function InvitePortalButton({ contactId }: { contactId: string }) {
  const [open, setOpen] = useState(false);
  const invite = useMutation({
    mutationFn: () =>
      api.post(v1('portal-access/invite'), { contactId }, { schema: portalInviteResultSchema }),
  });
  const close = () => {
    setOpen(false);
    invite.reset();
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Invite to portal
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title="Invite to the customer portal?"
        confirmLabel="Send invitation"
        tone="primary"
        pending={invite.isPending}
        error={invite.error}
        onConfirm={() =>
          invite.mutate(undefined, {
            onSuccess: (result) => {
              showToast(
                result.invited
                  ? `Invitation sent to ${result.access.email}`
                  : `${result.access.email} can now see ${result.access.companyName} in the portal`,
                'success',
              );
              close();
            },
          })
        }
      >
        This contact gets an e-mail to join as a customer. In the portal they see only the quotes, invoices
        and payments of their company — they can accept quotes and download PDFs, nothing else.
      </ConfirmDialog>
    </>
  );
}
