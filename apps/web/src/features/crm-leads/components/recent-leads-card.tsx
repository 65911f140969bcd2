import { useQuery } from '@tanstack/react-query';
import { leadSchema } from '@tessera/contracts';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatDateTime } from '../../../lib/format';
import { recordPath } from '../../../lib/records/record-types';
import { LeadStatusBadge } from './lead-status-badge';

/** Dashboard card: the five newest leads I may see, with their status. */
export function RecentLeadsCard() {
  const leads = useQuery({
    queryKey: ['leads', 'recent'],
    queryFn: ({ signal }) =>
      api.get(v1('leads'), { query: { sort: '-createdAt', limit: 5 }, schema: z.array(leadSchema), signal }),
  });
  return (
    <Card aria-labelledby="recent-leads-title" data-testid="dashboard-recent-leads">
      <CardHeader
        titleId="recent-leads-title"
        title="Recent leads"
        actions={
          <Link
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            to="/leads"
          >
            All leads
          </Link>
        }
      />
      <CardBody>
        {leads.error ? <ErrorAlert error={leads.error} title="Could not load the leads" /> : null}
        {leads.isPending ? <Skeleton className="h-20" /> : null}
        {leads.data && leads.data.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No leads yet.</p>
        ) : null}
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {(leads.data ?? []).map((lead) => (
            <li key={lead.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link
                className="min-w-0 truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                to={recordPath('lead', lead.id)}
              >
                {lead.firstName} {lead.lastName}
              </Link>
              <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                {formatDateTime(lead.createdAt)}
                <LeadStatusBadge status={lead.status} />
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
