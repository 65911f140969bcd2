import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pruneIdempotencyKeysJob } from '../../src/platform/http/prune-idempotency-keys.job.ts';
import { idempotencyKeys } from '../../src/platform/http/tables.ts';
import { deadLetterQueue, defineJob, type JobRunner, startJobs } from '../../src/platform/jobs/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

let t: TestDatabase;
let jobs: JobRunner;
const seen: string[] = [];
const attempts: number[] = [];

const echoJob = defineJob({
  name: 'test.echo',
  payload: z.strictObject({ text: z.string() }),
  handler: async ({ text }) => {
    seen.push(text);
  },
});

const failingJob = defineJob({
  name: 'test.always-fails',
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 1 },
  handler: async (_p, { retryCount }) => {
    attempts.push(retryCount);
    throw new Error('nope');
  },
});

beforeAll(async () => {
  t = await createTestDatabase();
  jobs = await startJobs({
    database: t.database,
    log: pino({ level: 'silent' }),
    jobs: [echoJob, failingJob, pruneIdempotencyKeysJob],
    work: true,
    pollingIntervalSeconds: 0.5,
  });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await t.drop();
});

describe('job runner (pg-boss on the application database)', () => {
  it('runs a job with a validated payload', async () => {
    expect(jobs.state()).toBe('running');
    await jobs.send('test.echo', { text: 'hello' });
    await waitFor(() => seen.includes('hello'));
  });

  it('refuses a payload that breaks the job contract, and unknown jobs', async () => {
    await expect(jobs.send('test.echo', { text: 42 })).rejects.toThrow();
    await expect(jobs.send('test.nope', {})).rejects.toThrow(/Unknown job/);
  });

  it('retries a failing job with backoff, then moves it to the dead-letter queue', async () => {
    const id = await jobs.send('test.always-fails', {});
    expect(id).toBeTruthy();
    await waitFor(() => attempts.length >= 3, 30_000);
    expect(attempts).toEqual([0, 1, 2]);
    const dead = await waitFor(async () => {
      const found = await jobs.boss.findJobs(deadLetterQueue('test.always-fails'));
      return found.length > 0 ? found : undefined;
    }, 15_000);
    expect(dead).toHaveLength(1);
    const [original] = await jobs.boss.findJobs('test.always-fails', { id: id as string });
    expect(original?.state).toBe('failed');
    expect(original?.retryBackoff).toBe(true);
  }, 45_000);

  it('registers cron schedules', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain('platform.prune-idempotency-keys');
  });

  it('the maintenance job prunes expired idempotency keys end to end', async () => {
    await t.database.db.insert(idempotencyKeys).values([
      { scope: 'ip:1', key: 'old', requestHash: 'h', expiresAt: sql`now() - interval '1 hour'` },
      { scope: 'ip:1', key: 'fresh', requestHash: 'h', expiresAt: sql`now() + interval '1 hour'` },
    ]);
    await jobs.send('platform.prune-idempotency-keys', {});
    const left = await waitFor(async () => {
      const rows = await t.database.db.select().from(idempotencyKeys);
      return rows.length === 1 ? rows : undefined;
    });
    expect(left.map((r) => r.key)).toEqual(['fresh']);
  });
});
