import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { humanize } from '../../../lib/records/labels';
import { openProjects, projectLabel, useProjectOptions } from '../api/projects';
import { useWeek } from '../api/timesheets';
import { WeekEditor } from './week-editor';
import { addDays, parseWeek, rowsFromWeek } from './week-grid';

export const statusTone = (status: string) =>
  status === 'approved'
    ? 'success'
    : status === 'rejected'
      ? 'danger'
      : status === 'submitted'
        ? 'info'
        : 'neutral';

/**
 * `/timesheet?week=<Monday>[&user=<id>]`: my week as a grid (save, submit), or — for an approver — a
 * member's submitted week to approve or reject. Submitted and approved weeks are read-only.
 */
export function TimesheetPage({ directory }: { directory: PeopleDirectory }) {
  const [search, setSearch] = useSearchParams();
  const me = useSession();
  const weekStart = parseWeek(search.get('week'));
  const other = search.get('user');
  const userId = other && other !== me.user.id ? other : 'me';
  const title = userId === 'me' ? 'My timesheet' : `Timesheet of ${personName(directory, userId)}`;
  useDocumentTitle(title);
  const week = useWeek(userId, weekStart);
  const projects = useProjectOptions();
  const canCreate = usePermission('timesheets.create');
  const go = (monday: string) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      next.set('week', monday);
      return next;
    });
  const initialRows = useMemo(() => (week.data ? rowsFromWeek(week.data) : []), [week.data]);
  const name = (id: string) => projectLabel(projects.data, id);
  const choices = openProjects(projects.data);

  return (
    <>
      <PageHeader
        title={title}
        description={`Week of ${formatDate(`${weekStart}T00:00`)} – ${formatDate(`${addDays(weekStart, 6)}T00:00`)}`}
        actions={
          <>
            {week.data ? (
              <Badge tone={statusTone(week.data.status)} data-testid="week-status">
                {humanize(week.data.status)}
              </Badge>
            ) : null}
            <Button variant="secondary" size="sm" onClick={() => go(addDays(weekStart, -7))}>
              ← Previous
            </Button>
            <Button variant="secondary" size="sm" onClick={() => go(parseWeek(null))}>
              This week
            </Button>
            <Button variant="secondary" size="sm" onClick={() => go(addDays(weekStart, 7))}>
              Next →
            </Button>
          </>
        }
      />
      {week.error ? (
        <ErrorAlert error={week.error} title="Could not load this week" onRetry={() => void week.refetch()} />
      ) : !week.data ? (
        <div aria-busy="true" className="space-y-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-40 w-full" />
          <span className="sr-only">Loading the week…</span>
        </div>
      ) : (
        <WeekEditor
          key={`${userId}:${weekStart}:${week.data.version}`}
          userId={userId}
          week={week.data}
          initialRows={initialRows}
          projectName={name}
          projectChoices={choices}
          canEdit={userId === 'me' && canCreate}
          empty={
            <EmptyState
              title="Nothing booked this week"
              description={
                userId !== 'me'
                  ? 'This member booked no time this week.'
                  : choices.length === 0
                    ? 'There is no running project to book on yet.'
                    : 'Pick a project above and add a row, then type the hours of each day.'
              }
              action={
                choices.length === 0 && userId === 'me' ? (
                  <Link to="/projects" className="text-sm text-indigo-600 hover:underline">
                    Projects
                  </Link>
                ) : undefined
              }
            />
          }
        />
      )}
      {projects.error ? (
        <Alert tone="warning" title="Project names could not be loaded" className="mt-4">
          The grid works; rows show “Project” until the list loads.
        </Alert>
      ) : null}
    </>
  );
}
