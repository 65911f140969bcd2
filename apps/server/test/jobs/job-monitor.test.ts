import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deadLetterQueue, defineJob } from '../../src/platform/jobs/index.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember } from '../helpers/members.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait-for.ts';

const QUEUE = 'test.tenant-fails';
const failing = defineJob({
  name: QUEUE,
  payload: z.strictObject({ tenantId: z.guid() }),
  retry: { limit: 0, delaySeconds: 1 },
  handler: async () => {
    throw new Error('the customer system said no');
  },
});

let t: TestApp;
let ownerA: BrowserSession;
let ownerB: BrowserSession;
let salesA: BrowserSession;
let jobA: string;
let jobB: string;

interface Failure {
  id: string;
  queue: string;
  state: string;
  error: string | null;
}
const monitor = async (as: BrowserSession) => {
  const res = await asBrowser(t.app, as, { method: 'GET', url: '/api/v1/admin/jobs' });
  expect(res.statusCode).toBe(200);
  return res.json().data as { queues: { name: string; failed: number }[]; failures: Failure[] };
};
const deadOf = async (id: string) =>
  (await t.jobs?.boss.findJobs(deadLetterQueue(QUEUE)))?.find((j) => j.sourceId === id);

beforeAll(async () => {
  t = await createTestApp({ jobs: () => [failing] });
  ownerA = await signUp(t.app);
  ownerB = await signUp(t.app);
  salesA = await addMember(t.app, t.database, ownerA, 'sales');
  jobA = (await t.jobs?.send(QUEUE, { tenantId: ownerA.tenantId })) as string;
  jobB = (await t.jobs?.send(QUEUE, { tenantId: ownerB.tenantId })) as string;
  await waitFor(async () => (await deadOf(jobA)) && (await deadOf(jobB)), 30_000);
}, 60_000);
afterAll(() => t?.close());

describe('GET /api/v1/admin/jobs', () => {
  it('lists queues with counts and only this company’s failed and dead jobs with their error', async () => {
    const data = await monitor(ownerA);
    expect(data.queues.map((q) => q.name)).toEqual([QUEUE, deadLetterQueue(QUEUE)]);
    // Counts are pg-boss's (refreshed by its monitor pass), cluster-wide numbers.
    expect(data.queues.every((q) => Number.isInteger(q.failed))).toBe(true);
    const failed = data.failures.find((f) => f.id === jobA);
    expect(failed).toMatchObject({ queue: QUEUE, state: 'failed', error: 'the customer system said no' });
    const dead = data.failures.filter((f) => f.state === 'dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]?.queue).toBe(deadLetterQueue(QUEUE));
    expect(data.failures.some((f) => f.id === jobB)).toBe(false);
    const b = await monitor(ownerB);
    expect(b.failures.map((f) => f.id)).toContain(jobB);
    expect(b.failures.some((f) => f.id === jobA)).toBe(false);
  });

  it('is 403 for a member without settings.manage, 401 without a session', async () => {
    const res = await asBrowser(t.app, salesA, { method: 'GET', url: '/api/v1/admin/jobs' });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(401);
    const retry = await asBrowser(t.app, salesA, {
      method: 'POST',
      url: '/api/v1/admin/jobs/retry',
      payload: { queue: QUEUE, id: jobA },
    });
    expect(retry.statusCode).toBe(403);
  });
});

describe('POST /api/v1/admin/jobs/retry', () => {
  const retry = (as: BrowserSession, payload: unknown) =>
    asBrowser(t.app, as, { method: 'POST', url: '/api/v1/admin/jobs/retry', payload: payload as object });

  it('refuses bad input and other companies’ jobs, changing nothing', async () => {
    const cases: [unknown, number][] = [
      [{}, 400],
      [{ queue: QUEUE }, 400],
      [{ queue: QUEUE, id: 'not-a-uuid' }, 400],
      [{ queue: 42, id: jobA }, 400],
      [{ queue: QUEUE, id: jobA, extra: 1 }, 400],
      [{ queue: `${QUEUE}\u0000`, id: jobA }, 400],
      [{ queue: 'x'.repeat(500), id: jobA }, 400],
      [{ queue: 'pgboss.secret', id: jobA }, 404],
      [{ queue: QUEUE, id: jobB }, 404],
      [{ queue: QUEUE, id: '0190a000-0000-7000-8000-000000000000' }, 404],
    ];
    for (const [payload, status] of cases) {
      const res = await retry(ownerA, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
    }
    const [a] = (await t.jobs?.boss.findJobs(QUEUE, { id: jobA })) ?? [];
    const [b] = (await t.jobs?.boss.findJobs(QUEUE, { id: jobB })) ?? [];
    expect([a?.state, b?.state]).toEqual(['failed', 'failed']);
  });

  it('runs a failed job again and moves a dead one back to its queue', async () => {
    const res = await retry(ownerA, { queue: QUEUE, id: jobA });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ retried: true });
    // It fails again (the handler always does) with one more attempt counted.
    await waitFor(async () => {
      const [a] = (await t.jobs?.boss.findJobs(QUEUE, { id: jobA })) ?? [];
      return a && a.state === 'failed' && a.retryCount >= 1;
    }, 30_000);
    const dead = await deadOf(jobB);
    const moved = await retry(ownerB, { queue: deadLetterQueue(QUEUE), id: dead?.id });
    expect(moved.statusCode).toBe(200);
    const again = await retry(ownerB, { queue: deadLetterQueue(QUEUE), id: dead?.id });
    expect(again.statusCode).toBe(404);
  }, 45_000);
});

describe('without a job runner in the process', () => {
  it('shows no queues and retries nothing (404), never a 5xx', async () => {
    const bare = await createTestApp();
    try {
      const admin = await signUp(bare.app);
      const res = await asBrowser(bare.app, admin, { method: 'GET', url: '/api/v1/admin/jobs' });
      expect(res.statusCode).toBe(200);
      expect(res.json().data).toEqual({ queues: [], failures: [] });
      const retry = await asBrowser(bare.app, admin, {
        method: 'POST',
        url: '/api/v1/admin/jobs/retry',
        payload: { queue: QUEUE, id: jobA },
      });
      expect(retry.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
