import type { Pipeline } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import type { BoardDeal, BoardStage } from '../api/board';
import type { BoardPeriod } from '../api/board-period';
import { useBoard } from '../api/get-board';
import { useMoveDeal } from '../api/use-move-deal';
import { DealOutcomeDialog, type PendingOutcome } from './deal-outcome-dialog';
import { KanbanColumn } from './kanban-column';

/**
 * The pipeline's kanban: a column per stage with its deals (won / lost columns: those closed in the period,
 * collapsible). Cards open the deal; they move by drag and drop or their "Move to…" menu; won / lost stages
 * ask first. Moves are optimistic and roll back on errors. `empty` is shown above an empty board.
 */
export function KanbanBoard({
  pipeline,
  period,
  ownerName,
  empty,
}: {
  pipeline: Pipeline;
  period: BoardPeriod;
  ownerName: (id: string | null) => string;
  empty?: ReactNode;
}) {
  const board = useBoard(pipeline, period);
  const move = useMoveDeal(pipeline.id, period);
  const canMove = usePermission('deals.update');
  const canSeeMoney = usePermission('fields.money.view');
  const [pending, setPending] = useState<PendingOutcome | null>(null);

  if (board.error && !board.data) {
    return (
      <ErrorAlert error={board.error} title="Could not load the board" onRetry={() => void board.refetch()} />
    );
  }
  if (!board.data) {
    return (
      <div className="flex gap-4 overflow-hidden" aria-busy="true">
        {pipeline.stages.map((stage) => (
          <div key={stage.id} className="w-72 shrink-0 space-y-2 rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900">
            <Skeleton className="w-1/2" />
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
        ))}
        <span className="sr-only">Loading the board…</span>
      </div>
    );
  }

  const stages = board.data.stages;
  const findDeal = (id: string) => stages.flatMap((stage) => stage.deals).find((deal) => deal.id === id);
  const onMove = (deal: BoardDeal, stage: BoardStage) => {
    if (stage.kind === 'open') move.mutate({ deal, move: { kind: 'open', stageId: stage.id } });
    else setPending({ deal, stage });
  };

  const isEmpty = stages.every((stage) => (stage.count ?? stage.deals.length) === 0);
  return (
    <>
      {isEmpty && empty ? <div className="mb-4">{empty}</div> : null}
      <div className="-mx-4 overflow-x-auto px-4 pb-4" data-testid="kanban">
        <div className="flex items-start gap-4">
          {stages.map((stage) => (
            <KanbanColumn
              key={stage.id}
              stage={stage}
              stages={stages}
              canMove={canMove}
              canSeeMoney={canSeeMoney}
              ownerName={ownerName}
              findDeal={findDeal}
              onMove={onMove}
            />
          ))}
        </div>
      </div>
      <DealOutcomeDialog
        pending={pending}
        onCancel={() => setPending(null)}
        onWon={({ deal, stage }) => {
          setPending(null);
          move.mutate({ deal, move: { kind: 'won', stageId: stage.id } });
        }}
        onLost={({ deal, stage }, reason) => {
          setPending(null);
          move.mutate({ deal, move: { kind: 'lost', stageId: stage.id, reason } });
        }}
      />
    </>
  );
}
