import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../helpers/postgres-admin.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Two real server instances (JOBS_IN_PROCESS=false) and one `npm run worker` on one PostgreSQL database and the
// local Redis (ADR 0011). PostgreSQL only: the embedded database belongs to one process. `npm run two-instances`.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 8;

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c?.endsWith('='))
    .join('; ');

describe.skipIf(testDbKind() !== 'postgres')('two instances and a worker on one PostgreSQL and Redis', () => {
  const admin = process.env.TEST_DATABASE_URL as string;
  const name = `tessera_two_${randomBytes(6).toString('hex')}`;
  let a: ServerProcess;
  let b: ServerProcess;
  let worker: ServerProcess;
  let dbUrl: string;
  const q = async (text: string) => adminQuery(dbUrl, text);

  beforeAll(async () => {
    await adminQuery(admin, `create database ${name}`);
    dbUrl = databaseUrl(admin, name);
    const common = {
      DATABASE_URL: dbUrl,
      REDIS_URL,
      JOBS_IN_PROCESS: 'false',
      TRUST_PROXY: 'true',
      RATE_LIMIT_MAX: String(LIMIT),
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    };
    // A migrates and seeds the demo company; B and the worker start on the migrated database.
    a = await startServerProcess({ ...common, PORT: await freePort() });
    b = await startServerProcess({ ...common, PORT: await freePort(), SEED_DEMO: 'false' });
    worker = await startServerProcess({ ...common }, 'src/worker.ts', /worker running/);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), worker?.stop()]);
    await adminQuery(admin, `drop database if exists ${name} with (force)`);
  });

  it('shares one rate limit: requests alternating between A and B hit one counter', async () => {
    const client = `10.77.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const url = `${(i % 2 === 0 ? a : b).url}/api/v1/does-not-exist`;
      statuses.push((await fetch(url, { headers: { 'x-forwarded-for': client } })).status);
    }
    expect(statuses.slice(0, LIMIT).includes(429)).toBe(false);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  it('refreshes on B a session made on A', async () => {
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.78.0.1' },
      body: JSON.stringify({ email: 'owner@demo.tessera.test', password: 'tessera-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = ((await login.json()) as { data: { csrfToken: string } }).data;
    const refreshed = await fetch(`${b.url}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: cookiesOf(login), 'x-csrf-token': csrfToken, 'x-forwarded-for': '10.78.0.2' },
    });
    expect(refreshed.status).toBe(200);
    const me = await fetch(`${b.url}/api/v1/auth/me`, {
      headers: { cookie: cookiesOf(refreshed), 'x-forwarded-for': '10.78.0.2' },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { user: { email: string } } }).data.user.email).toBe(
      'owner@demo.tessera.test',
    );
  });

  it('runs each cron job once per schedule across the three processes, in the worker', async () => {
    // mail.sweep is scheduled every minute by all three processes (pg-boss keeps one schedule in PostgreSQL):
    // wait for two whole minutes of runs, then each minute has exactly one job.
    const perMinute = async () =>
      (
        await q(`select date_trunc('minute', created_on) as m, count(*)::int as n,
                        count(*) filter (where state = 'completed')::int as done
                   from pgboss.job where name = 'mail.sweep' group by 1 order by 1`)
      ).rows as { m: Date; n: number; done: number }[];
    const minutes = await waitFor(async () => {
      const rows = await perMinute();
      return rows.length >= 2 && rows.every((r) => r.done === r.n) ? rows : undefined;
    }, 200_000);
    expect(minutes.every((r) => r.n === 1)).toBe(true);
    const schedules = (await q(`select name from pgboss.schedule order by name`)).rows.map((r) => r.name);
    expect(schedules).toContain('mail.sweep');
    expect(new Set(schedules).size).toBe(schedules.length);
    // The HTTP instances only enqueue: the worker did the work.
    expect(worker.output()).toMatch(/"job":"mail.sweep".*job completed/);
  }, 240_000);
});
