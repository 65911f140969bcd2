import { teamCreateInput } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useCreateTeam } from '../api/create-team';

/** "New team": name and optional description. */
export function CreateTeamDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { mutateAsync } = useCreateTeam();
  const form = useZodForm(teamCreateInput, { name: '', description: '' });
  const close = () => {
    form.reset();
    onClose();
  };
  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    close();
  });
  return (
    <Dialog open={open} onClose={close} title="New team">
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {form.formError ? <ErrorAlert error={form.formError} title="The team was not created" /> : null}
        <TextField label="Team name" autoFocus {...form.field('name')} />
        <TextareaField label="Description" rows={2} {...form.field('description')} />
        <DialogFooter>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.submitting}>
            Create team
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
