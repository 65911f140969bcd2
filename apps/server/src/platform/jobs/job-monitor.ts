import type { JobFailure, JobMonitor, JobQueue, JobRetryInput } from '@tessera/contracts';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import { notFound } from '../http/app-error.ts';
import { deadLetterQueue } from './job-definition.ts';

/** At most this many failed/dead jobs are listed (newest first). */
export const JOB_FAILURES_MAX = 100;

export interface JobMonitorSource {
  boss: PgBoss;
  /** The application's job names; their dead-letter queues are derived. */
  names: readonly string[];
}

const isDead = (queue: string) => queue.endsWith('.dead');

const errorOf = (job: JobWithMetadata): string | null => {
  const out = job.output as { message?: unknown } | null | undefined;
  return typeof out?.message === 'string' ? out.message.slice(0, 2000) : null;
};

const failureOf = (queue: string, job: JobWithMetadata): JobFailure => ({
  id: job.id,
  queue,
  state: isDead(queue) ? 'dead' : 'failed',
  retryCount: job.retryCount,
  error: errorOf(job),
  createdAt: new Date(job.createdOn).toISOString(),
  completedAt: job.completedOn ? new Date(job.completedOn).toISOString() : null,
});

/** A failed job waits in state `failed`; a dead one is a `created` copy in the `<name>.dead` queue. */
const isFailure = (queue: string, job: JobWithMetadata) =>
  isDead(queue) ? job.state === 'created' : job.state === 'failed';

const allQueues = (source: JobMonitorSource) => source.names.flatMap((name) => [name, deadLetterQueue(name)]);

/** The tenant's own jobs in a queue: only jobs whose payload names this tenant (`data.tenantId`). */
const tenantJobs = (source: JobMonitorSource, queue: string, tenantId: string) =>
  source.boss.findJobs<object>(queue, { data: { tenantId } });

/**
 * Queue counts (every queue, cluster-wide numbers only) and the failed and dead jobs of the caller's tenant with
 * their error. Jobs without a tenant (mail, pruning) show in the counts and in metrics, never by content.
 */
export const readJobMonitor = async (source: JobMonitorSource, tenantId: string): Promise<JobMonitor> => {
  const names = allQueues(source);
  const stats = await source.boss.getQueues(names);
  const queues: JobQueue[] = stats
    .map((q) => ({
      name: q.name,
      dead: isDead(q.name),
      queued: q.queuedCount,
      active: q.activeCount,
      deferred: q.deferredCount,
      failed: q.failedCount,
      total: q.totalCount,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const failures: JobFailure[] = [];
  for (const queue of names) {
    for (const job of await tenantJobs(source, queue, tenantId))
      if (isFailure(queue, job)) failures.push(failureOf(queue, job));
  }
  failures.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { queues, failures: failures.slice(0, JOB_FAILURES_MAX) };
};

/**
 * Runs one failed job of the caller's tenant again, or moves one dead job back to the queue it failed on.
 * Anything else (unknown queue, another tenant's job, a job that is not failed/dead) is a 404.
 */
export const retryJob = async (
  source: JobMonitorSource,
  tenantId: string,
  input: JobRetryInput,
): Promise<{ retried: true }> => {
  const { queue, id } = input;
  if (!allQueues(source).includes(queue)) throw notFound('Job', 'body.id');
  const jobs = await tenantJobs(source, queue, tenantId);
  const job = jobs.find((j) => j.id === id && isFailure(queue, j));
  if (!job) throw notFound('Job', 'body.id');
  if (isDead(queue)) await source.boss.redrive(queue, { ids: [id] });
  else await source.boss.retry(queue, id);
  return { retried: true };
};
