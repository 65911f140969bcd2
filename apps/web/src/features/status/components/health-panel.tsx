import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { Spinner } from '../../../components/ui/spinner';
import { errorMessage } from '../../../lib/api-error';
import { formatTime } from '../../../lib/format';
import { useHealth } from '../api/get-health';
import { HealthDetails } from './health-details';

function LoadingRows() {
  return (
    <div aria-busy="true" className="space-y-4 py-2">
      <span className="sr-only">Loading system status…</span>
      {['w-24', 'w-40', 'w-28', 'w-20', 'w-32', 'w-36'].map((width) => (
        <Skeleton key={width} className={width} />
      ))}
    </div>
  );
}

/** Full health report of the API, refreshed every 10 seconds. */
export function HealthPanel() {
  const health = useHealth();
  const { data, error, isFetching, dataUpdatedAt, refetch } = health;
  return (
    <Card aria-labelledby="health-title">
      <CardHeader
        titleId="health-title"
        title="API health"
        description={
          dataUpdatedAt ? `Last checked at ${formatTime(dataUpdatedAt)} · refreshes every 10 s` : undefined
        }
        actions={
          <Button variant="secondary" size="sm" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? <Spinner label="Checking" /> : null}
            Check now
          </Button>
        }
      />
      <CardBody>
        {error ? (
          <div
            role="alert"
            className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300"
          >
            Could not load the status: {errorMessage(error)}
            {data ? ' Showing the last known values.' : ''}
          </div>
        ) : null}
        {data ? (
          <div className={error ? 'opacity-60' : undefined}>
            <HealthDetails health={data} />
          </div>
        ) : error ? null : (
          <LoadingRows />
        )}
      </CardBody>
    </Card>
  );
}
