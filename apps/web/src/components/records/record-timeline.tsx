import { useInfiniteQuery } from '@tanstack/react-query';
import type { RelatedType } from '@tessera/contracts';
import { timelineQueryOptions } from '../../lib/records/timeline-query';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { Spinner } from '../ui/spinner';
import { TimelineEntry } from './timeline-item';

/**
 * A record's timeline (calls and other activities, tasks at their due date, audited changes with from → to,
 * and what related records add), newest first, with "Load more".
 */
export function RecordTimeline({
  type,
  id,
  actorName,
  refName,
}: {
  type: RelatedType;
  id: string;
  actorName?: (userId: string) => string;
  refName?: ((field: string, id: string) => string | undefined) | undefined;
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
              <TimelineEntry
                key={`${item.kind}-${item.id}`}
                item={item}
                actorName={actorName}
                refName={refName}
              />
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
