import type { Team } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { SelectField } from '../../../components/ui/form-field';
import { type PeopleDirectory, type Person, personName } from '../../../lib/people';
import { useAddTeamMember } from '../api/add-team-member';
import { useRemoveTeamMember } from '../api/remove-team-member';

export interface TeamMembersProps {
  team: Team;
  directory: PeopleDirectory;
  canManage: boolean;
}

/** Members of a team, "Remove" per member, and a picker of the company's other members to add. */
export function TeamMembers({ team, directory, canManage }: TeamMembersProps) {
  const add = useAddTeamMember();
  const remove = useRemoveTeamMember();
  const [userId, setUserId] = useState('');
  const rows: Person[] = team.memberIds.map(
    (id) =>
      directory.people?.find((person) => person.userId === id) ?? {
        userId: id,
        name: personName(directory, id),
        email: '',
      },
  );
  const candidates = (directory.people ?? []).filter((person) => !team.memberIds.includes(person.userId));

  const columns: Column<Person>[] = [
    { key: 'name', header: 'Name', cell: (person) => <span className="font-medium">{person.name}</span> },
    { key: 'email', header: 'Email', cell: (person) => person.email || '—' },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (person) => (
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Remove ${person.name} from the team`}
          disabled={remove.isPending && remove.variables?.userId === person.userId}
          onClick={() => remove.mutate({ teamId: team.id, userId: person.userId })}
        >
          Remove
        </Button>
      ),
    });
  }

  return (
    <TableSection
      label="Team members"
      title="Members"
      description={`${team.memberIds.length} in this team.`}
      notice={
        <>
          {canManage ? (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (userId) add.mutate({ teamId: team.id, userId }, { onSuccess: () => setUserId('') });
              }}
            >
              <SelectField
                label="Add member"
                fieldClassName="w-72"
                placeholder={directory.isLoading ? 'Loading members…' : 'Choose a member…'}
                disabled={directory.isLoading || candidates.length === 0}
                value={userId}
                onChange={(event) => setUserId(event.target.value)}
                options={candidates.map((person) => ({
                  value: person.userId,
                  label: `${person.name} (${person.email})`,
                }))}
              />
              <Button type="submit" disabled={!userId || add.isPending}>
                Add to team
              </Button>
            </form>
          ) : null}
          {directory.error ? (
            <ErrorAlert error={directory.error} title="Could not load the company's members" />
          ) : null}
          {add.error || remove.error ? (
            <ErrorAlert error={add.error ?? remove.error} title="The team was not changed" />
          ) : null}
        </>
      }
      testId="team-members-table"
      columns={columns}
      rows={rows}
      rowKey={(person) => person.userId}
      empty="Nobody in this team yet."
    />
  );
}
