import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';

export interface SendOptions {
  startAfterSeconds?: number;
  /** At most one queued job with this key (pg-boss singleton). */
  singletonKey?: string;
}

/** Enqueues a job by name after validating its payload. */
export type SendJob = (name: string, payload: unknown, options?: SendOptions) => Promise<string | null>;

export interface JobContext {
  database: Database;
  send: SendJob;
  log: Logger;
  jobId: string;
  retryCount: number;
  signal: AbortSignal;
}

/** One kind of background job: its payload contract, handler, retry policy and optional cron schedule. */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  /** Queue name, `module.action` (letters, digits, `.`, `-`, `_`). */
  name: string;
  payload: P;
  handler: (payload: z.output<P>, ctx: JobContext) => Promise<void>;
  /** Attempts after the first one; waits `delaySeconds`, doubling each time (exponential backoff). */
  retry?: { limit: number; delaySeconds: number; maxDelaySeconds?: number };
  /** Cron expression (UTC) to enqueue the job on a schedule. */
  cron?: string;
  expireInSeconds?: number;
}

/** Typed helper so each job file reads `export const x = defineJob({...})`. */
export const defineJob = <P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> => def;

export const DEFAULT_RETRY = { limit: 5, delaySeconds: 10, maxDelaySeconds: 3600 } as const;

/** Where a job lands after its last failed attempt. */
export const deadLetterQueue = (name: string) => `${name}.dead`;
