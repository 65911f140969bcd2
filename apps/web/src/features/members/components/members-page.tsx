import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useMembers } from '../api/list-members';
import { ImportMembersDialog } from './import-members-dialog';
import { InvitationsSection } from './invitations-section';
import { InviteMemberDialog } from './invite-member-dialog';
import { MembersTable } from './members-table';
import { type RoleOption, roleOptionsFor } from './role-option';

export interface MembersPageProps {
  /** Roles to choose from (the app passes `GET /roles` when the user may read roles). */
  roles?: readonly RoleOption[] | undefined;
}

/** `/settings/members`: members with their role and status, invitations, CSV import. */
export function MembersPage({ roles }: MembersPageProps) {
  useDocumentTitle('Members');
  const canManage = usePermission('members.manage');
  const members = useMembers();
  const [dialog, setDialog] = useState<'invite' | 'import' | null>(null);
  const roleOptions = roleOptionsFor(roles, members.data);

  return (
    <div className="space-y-8">
      <MembersTable
        query={members}
        roleOptions={roles ? roleOptions : undefined}
        canManage={canManage}
        actions={
          canManage ? (
            <>
              <Button variant="secondary" onClick={() => setDialog('import')}>
                Import CSV
              </Button>
              <Button onClick={() => setDialog('invite')}>Invite member</Button>
            </>
          ) : null
        }
      />
      <InvitationsSection canManage={canManage} />
      <InviteMemberDialog
        open={dialog === 'invite'}
        onClose={() => setDialog(null)}
        roleOptions={roleOptions}
      />
      <ImportMembersDialog open={dialog === 'import'} onClose={() => setDialog(null)} />
    </div>
  );
}
