import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { buttonClasses } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { isApiClientError } from '../../../lib/api-error';
import type { PeopleDirectory } from '../../../lib/people';
import { useTeam } from '../api/get-team';
import { DeleteTeamButton } from './delete-team-button';
import { TeamDetailsForm } from './team-details-form';
import { TeamMembers } from './team-members';

/** `/settings/teams/:teamId`: rename, members (add / remove), delete. */
export function TeamDetailPage({ directory }: { directory: PeopleDirectory }) {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const canManage = usePermission('teams.manage');
  useDocumentTitle(team.data?.name ?? 'Team');

  const back = (
    <Link
      to="/settings/teams"
      className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
    >
      ← All teams
    </Link>
  );
  if (isApiClientError(team.error) && team.error.status === 404) {
    return (
      <EmptyState
        title="Team not found"
        description="It may have been deleted."
        action={
          <Link to="/settings/teams" className={buttonClasses({ variant: 'secondary' })}>
            All teams
          </Link>
        }
      />
    );
  }
  if (team.error)
    return (
      <ErrorAlert error={team.error} title="Could not load the team" onRetry={() => void team.refetch()} />
    );
  if (!team.data) {
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading the team…</span>
        <Skeleton className="w-48" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {back}
      <PageHeader
        headingLevel={2}
        title={team.data.name}
        description={team.data.description || undefined}
        actions={canManage ? <DeleteTeamButton team={team.data} /> : null}
      />
      {canManage ? (
        <TeamDetailsForm key={team.data.version} team={team.data} onReload={() => void team.refetch()} />
      ) : null}
      <TeamMembers team={team.data} directory={directory} canManage={canManage} />
    </div>
  );
}
