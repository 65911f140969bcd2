import { Link } from 'react-router';
import { buttonClasses } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { errorMessage } from '../../../lib/api-error';
import { formatDuration } from '../../../lib/format';
import { useHealth } from '../api/get-health';
import { HealthBadge } from './health-badge';

/** Compact health card for the dashboard. */
export function HealthSummary() {
  const { data, error } = useHealth();
  return (
    <Card aria-labelledby="health-summary-title">
      <CardHeader
        titleId="health-summary-title"
        title="System status"
        actions={
          <Link to="/status" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
            Details
          </Link>
        }
      />
      <CardBody className="flex flex-wrap items-center gap-x-6 gap-y-3 text-sm">
        {data ? (
          <>
            <span className="flex items-center gap-2">
              API <HealthBadge value={data.status} />
            </span>
            <span className="flex items-center gap-2">
              Database <HealthBadge value={data.db} />
            </span>
            <span className="flex items-center gap-2">
              Jobs <HealthBadge value={data.jobs} />
            </span>
            <span className="text-zinc-600 dark:text-zinc-400">
              v{data.version} · up {formatDuration(data.uptime)}
            </span>
          </>
        ) : error ? (
          <span className="text-red-700 dark:text-red-400">{errorMessage(error)}</span>
        ) : (
          <span aria-busy="true" className="flex w-full gap-4">
            <span className="sr-only">Loading system status…</span>
            <Skeleton className="w-24" />
            <Skeleton className="w-32" />
            <Skeleton className="w-20" />
          </span>
        )}
      </CardBody>
    </Card>
  );
}
