import type { Job } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDateTime } from '../../../lib/format';
import { useJobHistory } from '../api/jobs';
import { JOB_STATUS_LABELS } from '../job-status';
import { JobStatusBadge } from './job-columns';

/** The job's status steps (`GET /jobs/:id/history`), newest first: from → to, who, when it happened. */
export function JobHistoryCard({
  id,
  actorName,
}: {
  id: string;
  actorName: (userId: string | null) => string;
}) {
  const history = useJobHistory(id);
  return (
    <Card data-testid="job-history">
      <CardHeader title="Status history" />
      <CardBody>
        {history.isPending ? (
          <div className="space-y-2" aria-busy="true">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
            <span className="sr-only">Loading the history…</span>
          </div>
        ) : history.error ? (
          <ErrorAlert
            error={history.error}
            title="Could not load the history"
            onRetry={() => void history.refetch()}
          />
        ) : history.data.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No status changes yet.</p>
        ) : (
          <ol className="space-y-3">
            {[...history.data].reverse().map((step) => (
              <li key={step.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
                <span className="flex items-center gap-1.5">
                  {step.fromStatus ? (
                    <>
                      <span className="text-zinc-500 dark:text-zinc-400">
                        {JOB_STATUS_LABELS[step.fromStatus]}
                      </span>
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">to</span>
                    </>
                  ) : null}
                  <JobStatusBadge status={step.toStatus} />
                </span>
                <span className="text-zinc-700 dark:text-zinc-300">
                  {actorName(step.actorUserId)} ·{' '}
                  <time dateTime={step.occurredAt}>{formatDateTime(step.occurredAt)}</time>
                </span>
                {step.note ? <p className="w-full text-zinc-600 dark:text-zinc-400">“{step.note}”</p> : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

/** The checklist (ticked on completion) and, once completed, the completion notes and signature. */
export function JobWorkCard({ job }: { job: Job }) {
  const completed = job.status === 'completed';
  return (
    <Card data-testid="job-work">
      <CardHeader title={completed ? 'Checklist and completion' : 'Checklist'} />
      <CardBody className="space-y-4 text-sm">
        {job.checklist.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">No checklist for this job.</p>
        ) : (
          <ul className="space-y-1.5">
            {job.checklist.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: checklist items are positional
              <li key={i} className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className={item.done ? 'text-emerald-600 dark:text-emerald-400' : 'text-zinc-400'}
                >
                  {item.done ? '☑' : '☐'}
                </span>
                <span
                  className={
                    item.done ? 'text-zinc-900 dark:text-zinc-100' : 'text-zinc-700 dark:text-zinc-300'
                  }
                >
                  {item.label}
                  <span className="sr-only">{item.done ? ' (done)' : ' (not done)'}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {completed ? (
          <dl className="space-y-2">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                Completed
              </dt>
              <dd>{formatDateTime(job.completedAt)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                Notes
              </dt>
              <dd className="whitespace-pre-wrap">{job.completionNotes ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                Signed by
              </dt>
              <dd>{job.signatureName ?? '—'}</dd>
            </div>
          </dl>
        ) : null}
      </CardBody>
    </Card>
  );
}
