import type { Team } from '@tessera/contracts';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDeleteTeam } from '../api/delete-team';

/** "Delete team" with a confirmation; back to the list afterwards. */
export function DeleteTeamButton({ team }: { team: Team }) {
  const navigate = useNavigate();
  const remove = useDeleteTeam();
  return (
    <ConfirmButton
      label="Delete team"
      title={`Delete the team ${team.name}?`}
      action={remove}
      onConfirm={() => remove.mutate(team.id, { onSuccess: () => void navigate('/settings/teams') })}
    >
      Its members stay in the company; only the team goes away.
    </ConfirmButton>
  );
}
