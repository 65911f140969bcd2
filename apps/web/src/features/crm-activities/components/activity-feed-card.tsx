import { useQuery } from '@tanstack/react-query';
import { activitySchema } from '@tessera/contracts';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatDateTime } from '../../../lib/format';
import { recordPath } from '../../../lib/records/record-types';

/** Dashboard card: the newest calls, meetings, e-mails and notes I may see. */
export function ActivityFeedCard({
  title = 'Recent activity',
  refreshSeconds = 0,
}: {
  title?: string;
  refreshSeconds?: number;
}) {
  const feed = useQuery({
    queryKey: ['activities', 'feed'],
    queryFn: ({ signal }) =>
      api.get(v1('activities'), {
        query: { sort: '-occurredAt', limit: 8 },
        schema: z.array(activitySchema),
        signal,
      }),
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });
  return (
    <Card aria-labelledby="activity-feed-title" data-testid="dashboard-activity-feed" className="h-full">
      <CardHeader titleId="activity-feed-title" title={title} />
      <CardBody>
        {feed.error ? <ErrorAlert error={feed.error} title="Could not load the activity" /> : null}
        {feed.isPending ? <Skeleton className="h-20" /> : null}
        {feed.data && feed.data.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No activity yet.</p>
        ) : null}
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {(feed.data ?? []).map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link
                className="min-w-0 truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                to={recordPath(a.related.type, a.related.id)}
              >
                <span className="mr-1 text-xs uppercase text-zinc-500">{a.type}</span> {a.subject}
              </Link>
              <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                {formatDateTime(a.occurredAt)}
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
