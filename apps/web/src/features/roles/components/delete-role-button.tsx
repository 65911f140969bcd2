import type { Role } from '@tessera/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteRole } from '../api/delete-role';

/** "Delete role" with a confirmation; back to the list afterwards. */
export function DeleteRoleButton({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteRole();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete role
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title={`Delete the role ${role.name}?`}
        confirmLabel="Delete role"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(role.id, { onSuccess: () => void navigate('/settings/roles') })}
      >
        {role.memberCount > 0
          ? `${role.memberCount} member(s) have this role; give them another role first.`
          : 'This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
