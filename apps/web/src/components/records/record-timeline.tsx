import { useInfiniteQuery } from '@tanstack/react-query';
import type { RelatedType, TimelineItem } from '@tessera/contracts';
import { formatDateTime } from '../../lib/format';
import { humanize } from '../../lib/records/labels';
import { timelineQueryOptions } from '../../lib/records/timeline-query';
import { ErrorAlert } from '../ui/alert';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { Spinner } from '../ui/spinner';

const kindTone: Record<TimelineItem['kind'], BadgeTone> = {
  activity: 'info',
  task: 'warning',
  audit: 'neutral',
  document: 'success',
};
const kindLabel: Record<TimelineItem['kind'], string> = {
  activity: 'Activity',
  task: 'Task',
  audit: 'Change',
  document: 'Document',
};

/** Audit titles come as action names (`lead.status_changed`): show them as words ("Status changed"). */
function itemTitle(item: TimelineItem): string {
  const action = /^[a-z_]+\.([a-z_]+)$/.exec(item.title);
  return item.kind === 'audit' && action?.[1] ? humanize(action[1]) : item.title;
}

/** A record's timeline (activities, tasks, audited changes), newest first, with "Load more". */
export function RecordTimeline({
  type,
  id,
  actorName,
}: {
  type: RelatedType;
  id: string;
  actorName?: (userId: string) => string;
}) {
  const timeline = useInfiniteQuery(timelineQueryOptions(type, id));
  const items = timeline.data?.pages.flatMap((page) => page.items);
  return (
    <Card aria-label="Timeline">
      <CardHeader title="Timeline" />
      <CardBody>
        {timeline.error && !items ? (
          <ErrorAlert
            error={timeline.error}
            title="Could not load the timeline"
            onRetry={() => void timeline.refetch()}
          />
        ) : !items ? (
          <div className="space-y-3" aria-busy="true">
            <Skeleton className="w-2/3" />
            <Skeleton className="w-1/2" />
            <Skeleton className="w-3/4" />
          </div>
        ) : items.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing has happened here yet.</p>
        ) : (
          <ol className="space-y-4" data-testid="timeline">
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`} className="flex gap-3">
                <Badge tone={kindTone[item.kind]} className="h-fit shrink-0">
                  {kindLabel[item.kind]}
                </Badge>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-zinc-900 dark:text-zinc-100">{itemTitle(item)}</p>
                  {item.detail ? (
                    <p className="mt-0.5 whitespace-pre-line break-words text-zinc-600 dark:text-zinc-400">
                      {item.detail}
                    </p>
                  ) : null}
                  <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                    <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                    {item.actorId && actorName ? ` · ${actorName(item.actorId)}` : null}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
        {timeline.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void timeline.fetchNextPage()}
              disabled={timeline.isFetchingNextPage}
            >
              {timeline.isFetchingNextPage ? <Spinner /> : null}
              Load more
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
