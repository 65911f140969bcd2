import { fromPglite, type PGliteLike, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { DEFAULT_RETRY, deadLetterQueue, type JobDefinition, type SendJob } from './job-definition.ts';

/** 'starting': the process serves requests before its runner has started (main.ts). */
export type JobsState = 'starting' | 'running' | 'stopped' | 'disabled';

export interface JobRunner {
  /** Enqueues a job after validating its payload against the job's contract. */
  send: SendJob;
  state(): JobsState;
  boss: PgBoss;
  /** The names of the jobs it was started with (the job monitor's queues). */
  names: readonly string[];
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: Database;
  log: Logger;
  jobs: readonly JobDefinition[];
  /** Run handlers in this process (false: only enqueue and schedule; workers run in `npm run worker`). */
  work: boolean;
  pollingIntervalSeconds?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each query synchronously on this thread and resolves at once, so a chain of awaited pg-boss
 * queries (its start: schema check, each queue, each schedule) would run to the end without the event loop
 * ever polling for I/O, and hold every request up meanwhile. pg-boss's queries therefore wait for the next
 * turn of the event loop first (no effect on PostgreSQL, whose queries are real I/O).
 */
const yieldingPglite = (pglite: PGliteLike): PGliteLike => ({
  query: async (text, params) => {
    await nextTurn();
    return pglite.query(text, params);
  },
  exec: async (text) => {
    await nextTurn();
    return pglite.exec(text);
  },
  ...(pglite.listen ? { listen: pglite.listen.bind(pglite) } : {}),
});

const createBoss = (database: Database): PgBoss => {
  if (database.pglite)
    return new PgBoss({ db: fromPglite(yieldingPglite(database.pglite)), backend: 'pglite' });
  return new PgBoss({
    connectionString: database.connectionString,
    max: 3,
    application_name: 'tessera-jobs',
  });
};

/**
 * Starts pg-boss on the application database (PGlite included), creates each job's queue and its
 * dead-letter queue, registers cron schedules and — when `work` — the handlers.
 */
export const startJobs = async ({
  database,
  log,
  jobs,
  work,
  pollingIntervalSeconds = 2,
}: StartJobsOptions): Promise<JobRunner> => {
  const boss = createBoss(database);
  let state: JobsState = 'stopped';
  boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
  boss.on('stopped', () => {
    state = 'stopped';
  });
  await boss.start();
  state = 'running';

  const byName = new Map(jobs.map((j) => [j.name, j]));
  const send: SendJob = async (name, payload, options) => {
    const job = byName.get(name);
    if (!job) throw new Error(`Unknown job "${name}"`);
    const data = job.payload.parse(payload) as object;
    return boss.send(name, data, {
      ...(options?.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options?.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  };
  for (const job of jobs) {
    const retry = { ...DEFAULT_RETRY, ...job.retry };
    await boss.createQueue(deadLetterQueue(job.name));
    await boss.createQueue(job.name, {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: true,
      retryDelayMax: retry.maxDelaySeconds,
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
      deadLetter: deadLetterQueue(job.name),
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    if (!work) continue;
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds }, async ([raw]) => {
      if (!raw) return;
      const jobLog = log.child({ job: job.name, jobId: raw.id });
      const payload = job.payload.parse(raw.data);
      const started = performance.now();
      try {
        await job.handler(payload, {
          database,
          send,
          log: jobLog,
          jobId: raw.id,
          retryCount: raw.retryCount,
          signal: raw.signal,
        });
        jobLog.info({ ms: Math.round(performance.now() - started) }, 'job completed');
      } catch (err) {
        jobLog.warn({ err, retryCount: raw.retryCount }, 'job failed');
        throw err;
      }
    });
  }

  return {
    boss,
    names: jobs.map((j) => j.name),
    state: () => state,
    send,
    stop: async () => {
      if (state !== 'running') return;
      await boss.stop({ graceful: true, timeout: 5_000, close: true });
      state = 'stopped';
    },
  };
};
