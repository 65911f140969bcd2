import { z } from 'zod';
import { uuid } from '../primitives.ts';

/** One background-job queue with its current counts (cluster-wide numbers, no job contents). */
export const jobQueueSchema = z.object({
  name: z.string(),
  /** True for a dead-letter queue (`<name>.dead`): jobs that used up their retries. */
  dead: z.boolean(),
  queued: z.number().int(),
  active: z.number().int(),
  deferred: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
});
export type JobQueue = z.infer<typeof jobQueueSchema>;

/** A failed or dead job of the caller's tenant, with its last error. */
export const jobFailureSchema = z.object({
  id: uuid,
  queue: z.string(),
  state: z.enum(['failed', 'dead']),
  retryCount: z.number().int(),
  /** The error message of the last attempt; null when the job recorded none. */
  error: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type JobFailure = z.infer<typeof jobFailureSchema>;

export const jobMonitorSchema = z.object({
  queues: z.array(jobQueueSchema),
  failures: z.array(jobFailureSchema),
});
export type JobMonitor = z.infer<typeof jobMonitorSchema>;

const queueName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][\w.-]*$/i, 'must be a queue name');

/** `POST /admin/jobs/retry`: run one failed job again, or move one dead job back to its queue. */
export const jobRetryInput = z.strictObject({ queue: queueName, id: uuid });
export type JobRetryInput = z.infer<typeof jobRetryInput>;
export const jobRetryResultSchema = z.object({ retried: z.literal(true) });
