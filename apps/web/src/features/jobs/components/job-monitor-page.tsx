import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useJobMonitor, useRetryJob } from '../api/job-monitor';

/** `/settings/jobs`: background queues with their counts, this company's failed and dead jobs, retry one. */
export function JobMonitorPage() {
  useDocumentTitle('Jobs');
  const query = useJobMonitor();
  const retry = useRetryJob();
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Queues, and the jobs of your company that failed or gave up."
        actions={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Refresh
          </Button>
        }
      />
      {query.isPending ? <Spinner label="Loading jobs" /> : null}
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {retry.error ? <ErrorAlert error={retry.error} /> : null}
      {query.data ? (
        <div className="space-y-6">
          <Card aria-labelledby="job-queues-title">
            <CardHeader titleId="job-queues-title" title="Queues" />
            <CardBody>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left">
                    {['Queue', 'Queued', 'Active', 'Deferred', 'Failed', 'Total'].map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {query.data.queues.map((q) => (
                    <tr key={q.name}>
                      <th scope="row" className="py-1 font-mono font-normal">
                        {q.name}
                      </th>
                      <td>{q.queued}</td>
                      <td>{q.active}</td>
                      <td>{q.deferred}</td>
                      <td>{q.failed}</td>
                      <td>{q.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardBody>
          </Card>
          <Card aria-labelledby="job-failures-title">
            <CardHeader titleId="job-failures-title" title="Failed and dead jobs" />
            <CardBody>
              {query.data.failures.length === 0 ? (
                <p className="text-sm">No failed jobs.</p>
              ) : (
                <ul className="space-y-3 text-sm">
                  {query.data.failures.map((f) => (
                    <li key={`${f.queue}:${f.id}`} className="flex items-start justify-between gap-4">
                      <div className="min-w-0">
                        <p className="font-mono">
                          {f.queue} · {f.state} · {f.retryCount} retries · {f.createdAt}
                        </p>
                        <p className="break-words text-red-700 dark:text-red-400">
                          {f.error ?? 'No error recorded'}
                        </p>
                      </div>
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={retry.isPending}
                        onClick={() => retry.mutate({ queue: f.queue, id: f.id })}
                      >
                        Retry
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
      ) : null}
    </>
  );
}
