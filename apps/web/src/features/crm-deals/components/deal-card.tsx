import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { Menu } from '../../../components/ui/menu';
import { cn } from '../../../lib/cn';
import { formatMoney } from '../../../lib/records/money';
import type { BoardDeal, BoardStage } from '../api/board';
import { dealRecordType } from '../record-type';

/** MIME type of a dragged card (so other drags, e.g. files, are ignored by the columns). */
export const DEAL_DRAG_TYPE = 'application/x-tessera-deal';

export interface DealCardProps {
  deal: BoardDeal;
  stages: readonly BoardStage[];
  ownerName: (id: string | null) => string;
  canMove: boolean;
  onMove: (deal: BoardDeal, stage: BoardStage) => void;
}

/** A deal on the board: draggable (native DnD) and, for the keyboard, a "Move to…" menu. */
export function DealCard({ deal, stages, ownerName, canMove, onMove }: DealCardProps) {
  // Named by the board itself (no request per card, and none for a company the viewer may not open).
  const company = deal.parties?.company?.name;
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(DEAL_DRAG_TYPE, deal.id);
    event.dataTransfer.setData('text/plain', deal.title);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <li
      data-testid="deal-card"
      draggable={canMove}
      onDragStart={canMove ? onDragStart : undefined}
      className={cn(
        'rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900',
        canMove && 'cursor-grab active:cursor-grabbing',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 font-medium break-words text-zinc-900 dark:text-zinc-100">
          <Link
            to={dealRecordType.route(deal.id)}
            draggable={false}
            className="hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-400"
          >
            {deal.title}
          </Link>
        </p>
        {canMove ? (
          <Menu
            label={`Move ${deal.title} to…`}
            trigger={<span aria-hidden="true">⋯</span>}
            triggerClassName="h-6 px-1.5"
            items={stages
              .filter((stage) => stage.id !== deal.stageId)
              .map((stage) => ({
                key: stage.id,
                label: `Move to ${stage.name}`,
                onSelect: () => onMove(deal, stage),
              }))}
          />
        ) : null}
      </div>
      {company ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{company}</p> : null}
      <div className="mt-2 flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        {deal.amountCents === undefined ? (
          <span />
        ) : (
          <span className="font-medium tabular-nums text-zinc-800 dark:text-zinc-200">
            {formatMoney(deal.amountCents, deal.currency)}
          </span>
        )}
        <span className="truncate">{ownerName(deal.ownerId)}</span>
      </div>
    </li>
  );
}
