import type { Team } from '@tessera/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteTeam } from '../api/delete-team';

export function DeleteTeamButton({ team }: { team: Team }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteTeam();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete team
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title={`Delete the team ${team.name}?`}
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(team.id, { onSuccess: () => void navigate('/settings/teams') })}
      >
        Its members stay in the company; only the team goes away.
      </ConfirmDialog>
    </>
  );
}
