import type { Team } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { TableSection } from '../../../components/table-section';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useTeams } from '../api/list-teams';
import { CreateTeamDialog } from './create-team-dialog';

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

const columns: Column<Team>[] = [
  {
    key: 'name',
    header: 'Team',
    cell: (team) => (
      <Link to={`/settings/teams/${team.id}`} className={linkClass}>
        {team.name}
      </Link>
    ),
  },
  {
    key: 'description',
    header: 'Description',
    cell: (team) => <span className="text-zinc-600 dark:text-zinc-400">{team.description || '—'}</span>,
  },
  { key: 'members', header: 'Members', cell: (team) => team.memberIds.length, className: 'tabular-nums' },
];

/** `/settings/teams`: teams (managers with the "team" record scope see their team's records). */
export function TeamsPage() {
  useDocumentTitle('Teams');
  const canManage = usePermission('teams.manage');
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  return (
    <TableSection
      label="Teams"
      description="Group members into teams; roles with the “team” scope see their team’s records."
      actions={canManage ? <Button onClick={() => setCreating(true)}>New team</Button> : null}
      testId="teams-table"
      columns={columns}
      query={teams}
      rows={teams.data}
      rowKey={(team) => team.id}
      empty="No teams yet."
    >
      <CreateTeamDialog open={creating} onClose={() => setCreating(false)} />
    </TableSection>
  );
}
