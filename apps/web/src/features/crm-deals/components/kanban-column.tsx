import { type DragEvent, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../lib/cn';
import { formatMoney } from '../../../lib/records/money';
import type { BoardDeal, BoardStage } from '../api/board';
import { DEAL_DRAG_TYPE, DealCard, type DealCardProps } from './deal-card';

const isDealDrag = (event: DragEvent) => event.dataTransfer.types.includes(DEAL_DRAG_TYPE);

/**
 * A stage column: its deals, count and total; a drop target for dragged cards. Won / lost columns (the
 * period's closed deals) collapse to a narrow strip with their count and total.
 */
export function KanbanColumn({
  stage,
  canSeeMoney,
  findDeal,
  ...card
}: Omit<DealCardProps, 'deal'> & {
  stage: BoardStage;
  canSeeMoney: boolean;
  findDeal: (id: string) => BoardDeal | undefined;
}) {
  const [over, setOver] = useState(false);
  const closed = stage.kind !== 'open';
  const [collapsed, setCollapsed] = useState(false);
  const total = stage.amountCents ?? stage.deals.reduce((sum, deal) => sum + (deal.amountCents ?? 0), 0);
  const count = stage.count ?? stage.deals.length;
  return (
    <section
      aria-label={stage.name}
      data-testid={`stage-${stage.name}`}
      onDragOver={(event) => {
        if (!card.canMove || !isDealDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (!isDealDrag(event)) return;
        event.preventDefault();
        const deal = findDeal(event.dataTransfer.getData(DEAL_DRAG_TYPE));
        if (deal && deal.stageId !== stage.id) card.onMove(deal, stage);
      }}
      className={cn(
        'flex shrink-0 flex-col rounded-xl border bg-zinc-100/70 dark:bg-zinc-900/50',
        collapsed ? 'w-40' : 'w-72',
        over
          ? 'border-indigo-400 ring-2 ring-indigo-400/40 dark:border-indigo-500'
          : 'border-zinc-200 dark:border-zinc-800',
      )}
    >
      <header className="flex items-center justify-between gap-2 px-3 pt-3 pb-2">
        <h2 className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100">{stage.name}</h2>
        <div className="flex items-center gap-1.5">
          {stage.kind !== 'open' ? (
            <Badge tone={stage.kind === 'won' ? 'success' : 'danger'}>{stage.kind}</Badge>
          ) : null}
          <Badge data-testid="stage-count">{count}</Badge>
          {closed ? (
            <Button
              size="sm"
              variant="ghost"
              className="h-6 px-1.5"
              aria-expanded={!collapsed}
              aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${stage.name}`}
              onClick={() => setCollapsed((value) => !value)}
            >
              <span aria-hidden="true">{collapsed ? '›' : '‹'}</span>
            </Button>
          ) : null}
        </div>
      </header>
      {canSeeMoney ? (
        <p
          className="px-3 pb-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
          data-testid="stage-total"
        >
          {formatMoney(total, stage.deals[0]?.currency)} · {stage.probability}%
        </p>
      ) : null}
      {collapsed ? (
        <p className="px-3 pb-3 text-xs text-zinc-500 dark:text-zinc-400">
          {count} closed {count === 1 ? 'deal' : 'deals'} hidden
        </p>
      ) : (
        <ul className="flex min-h-24 flex-1 flex-col gap-2 px-2 pb-3">
          {stage.deals.map((deal) => (
            <DealCard key={deal.id} deal={deal} {...card} />
          ))}
          {stage.deals.length === 0 ? (
            <li className="rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
              {closed
                ? `No deals ${stage.kind} in this period`
                : card.canMove
                  ? 'Drop a deal here'
                  : 'No deals'}
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
