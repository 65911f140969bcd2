import { type Team, teamCreateInput } from '@tessera/contracts';
import { MutationError } from '../../../components/mutation-error';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useUpdateTeam } from '../api/update-team';

/** Rename / describe a team (sent with the version read; 409 → reload). */
export function TeamDetailsForm({ team, onReload }: { team: Team; onReload: () => void }) {
  const { mutateAsync } = useUpdateTeam();
  const form = useZodForm(teamCreateInput, { name: team.name, description: team.description });
  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync({ id: team.id, ...input, version: team.version });
  });
  return (
    <Card aria-labelledby="team-details-title">
      <CardHeader titleId="team-details-title" title="Details" />
      <CardBody>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          <MutationError error={form.formError} what="This team" onReload={onReload} />
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label="Team name" {...form.field('name')} />
            <TextareaField label="Description" rows={2} {...form.field('description')} />
          </div>
          <Button type="submit" disabled={form.submitting}>
            Save
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
