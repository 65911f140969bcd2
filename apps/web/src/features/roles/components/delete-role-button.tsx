import type { Role } from '@tessera/contracts';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDeleteRole } from '../api/delete-role';

/** "Delete role" with a confirmation; back to the list afterwards. */
export function DeleteRoleButton({ role }: { role: Role }) {
  const navigate = useNavigate();
  const remove = useDeleteRole();
  return (
    <ConfirmButton
      label="Delete role"
      title={`Delete the role ${role.name}?`}
      action={remove}
      onConfirm={() => remove.mutate(role.id, { onSuccess: () => void navigate('/settings/roles') })}
    >
      {role.memberCount > 0
        ? `${role.memberCount} member(s) have this role; give them another role first.`
        : 'This cannot be undone.'}
    </ConfirmButton>
  );
}
