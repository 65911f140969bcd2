import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useCreateDialog } from '../../../hooks/use-create-param';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import type { PeopleDirectory } from '../../../lib/people';
import { BOARD_PERIODS, parseBoardPeriod } from '../api/board-period';
import { usePipelines } from '../api/list-pipelines';
import { DealsList } from './deals-list';
import { KanbanBoard } from './kanban-board';
import { NewDealButton, NewDealDialog } from './new-deal-dialog';

/**
 * `/deals`: pick a pipeline, then its kanban board or the list (`?pipeline=<id>&view=list`); the board's
 * won / lost columns show the deals closed in `?closed=` (30d, month, quarter, year). "New deal" adds one
 * to the pipeline shown.
 */
export function DealsPage({ directory }: { directory: PeopleDirectory }) {
  useDocumentTitle('Deals');
  const me = useSession();
  const pipelines = usePipelines();
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'list' ? 'list' : 'board';
  const period = parseBoardPeriod(search.get('closed'));
  const canCreate = usePermission('deals.create');
  const [creating, setCreating] = useCreateDialog();
  const pipeline =
    pipelines.data?.find((item) => item.id === search.get('pipeline')) ??
    pipelines.data?.find((item) => item.isDefault) ??
    pipelines.data?.[0];
  const ownerName = useCallback(
    (id: string | null) => ownerLabel(directory, me.user.id, id),
    [directory, me.user.id],
  );
  const owners = useMemo(
    () => personOptions(directory, me.user.id, me.user.name).filter((option) => option.value !== me.user.id),
    [directory, me.user],
  );
  const newDealOwners = useMemo(
    () => personOptions(directory, me.user.id, me.user.name),
    [directory, me.user],
  );
  const setParam = (key: string, value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const toggle = (
    <fieldset className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      <legend className="sr-only">View</legend>
      {(['board', 'list'] as const).map((mode) => (
        <Button
          key={mode}
          size="sm"
          variant={view === mode ? 'primary' : 'ghost'}
          aria-pressed={view === mode}
          onClick={() => setParam('view', mode)}
        >
          {mode === 'board' ? 'Board' : 'List'}
        </Button>
      ))}
    </fieldset>
  );

  return (
    <>
      <PageHeader
        title="Deals"
        description="Track opportunities through your pipeline."
        actions={
          <>
            {pipelines.data && pipelines.data.length > 1 ? (
              <SelectField
                label="Pipeline"
                hideLabel
                value={pipeline?.id ?? ''}
                options={pipelines.data.map((item) => ({ value: item.id, label: item.name }))}
                onChange={(event) => setParam('pipeline', event.target.value)}
                className="h-8"
              />
            ) : null}
            {view === 'board' ? (
              <SelectField
                label="Closed deals shown"
                hideLabel
                value={period}
                options={BOARD_PERIODS.map((item) => ({ value: item.value, label: item.label }))}
                onChange={(event) => setParam('closed', event.target.value)}
                className="h-8"
              />
            ) : null}
            {toggle}
            {canCreate && pipeline ? (
              <NewDealButton pipeline={pipeline} owners={newDealOwners} myId={me.user.id} />
            ) : null}
          </>
        }
      />
      {pipelines.error ? (
        <ErrorAlert
          error={pipelines.error}
          title="Could not load pipelines"
          onRetry={() => void pipelines.refetch()}
        />
      ) : !pipelines.data ? (
        <Skeleton className="h-64 w-full" />
      ) : !pipeline ? (
        <EmptyState
          title="No pipeline yet"
          description="Someone with the pipelines.manage permission can set one up."
        />
      ) : view === 'board' ? (
        <KanbanBoard
          key={pipeline.id}
          pipeline={pipeline}
          period={period}
          ownerName={ownerName}
          empty={
            <EmptyState
              title="No deals in this pipeline yet"
              description="Create the first one, or convert a qualified lead."
              action={canCreate ? <Button onClick={() => setCreating(true)}>New deal</Button> : undefined}
            />
          }
        />
      ) : (
        <DealsList
          key={pipeline.id}
          pipeline={pipeline}
          owners={owners}
          assignees={newDealOwners}
          ownerName={ownerName}
        />
      )}
      {canCreate && pipeline ? (
        <NewDealDialog
          open={creating}
          onClose={() => setCreating(false)}
          pipeline={pipeline}
          owners={newDealOwners}
          myId={me.user.id}
        />
      ) : null}
    </>
  );
}
