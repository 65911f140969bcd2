// Counts what one request costs the database, independent of machine load: statements sent (every
// pg query, BEGIN/COMMIT and the cache's `select 1` included) and transactions committed, per request,
// for a list page, a get by id and a create with an Idempotency-Key — with the principal cache on
// (AUTH_CACHE_MS=5000) and off (0). Usage: DATABASE_URL=postgres://… node bench/round-trips.ts
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import { migrate } from '../src/platform/db/index.ts';

const N = 50;
const log = pino({ level: 'silent' });
const counted = { statements: 0, commits: 0 };
const inTransaction = new WeakSet<pg.Client>();
const original = pg.Client.prototype.query;
// Every statement any pg client sends; a commit is an explicit COMMIT or a write outside BEGIN … COMMIT.
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = (typeof first === 'string' ? first : (first?.text ?? '')).trim().toLowerCase();
  counted.statements += 1;
  if (text.startsWith('begin')) inTransaction.add(this);
  else if (text.startsWith('commit') || text.startsWith('rollback')) {
    inTransaction.delete(this);
    if (text.startsWith('commit')) counted.commits += 1;
  } else if (!inTransaction.has(this) && !text.startsWith('select')) counted.commits += 1;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

const measure = async (cacheMs: string) => {
  const config = loadConfig({
    ...environmentVariables(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_MAX: '1000000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    AUTH_CACHE_MS: cacheMs,
  });
  const database = await openConfiguredDatabase(config, log);
  await migrate(database, log);
  const app = await buildApp({
    config,
    jwtSecret: config.JWT_SECRET as string,
    database,
    log,
    jobsState: () => 'disabled',
  });
  await app.ready();
  const email = `rt.${randomBytes(4).toString('hex')}@bench.test`;
  const password = 'round-trips-password-1';
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { tenantName: 'Round trips', name: 'Bench Owner', email, password },
  });
  const token = (
    await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } })
  ).json().data.accessToken as string;
  const headers = { authorization: `Bearer ${token}` };
  const lead = () => ({ firstName: 'Ada', lastName: `Bench ${randomUUID()}` });
  const firstId = (
    await app.inject({ method: 'POST', url: '/api/v1/leads', headers, payload: lead() })
  ).json().data.id as string;
  const per = async (name: string, request: () => Promise<{ statusCode: number }>) => {
    await request(); // warm (fills the cache when it is on)
    const before = { ...counted };
    for (let i = 0; i < N; i++) {
      const res = await request();
      if (res.statusCode >= 300) throw new Error(`${name}: ${res.statusCode}`);
    }
    const statements = (counted.statements - before.statements) / N;
    const commits = (counted.commits - before.commits) / N;
    return { name, statements, commits };
  };
  const rows = [
    await per('list page 1', () => app.inject({ method: 'GET', url: '/api/v1/leads', headers })),
    await per('get by id', () => app.inject({ method: 'GET', url: `/api/v1/leads/${firstId}`, headers })),
    await per('create + Idempotency-Key', () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/leads',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        payload: lead(),
      }),
    ),
  ];
  await app.close();
  await database.close();
  return rows;
};

for (const cacheMs of ['0', '5000']) {
  for (const r of await measure(cacheMs)) {
    console.log(
      `AUTH_CACHE_MS=${cacheMs.padEnd(5)} ${r.name.padEnd(26)} ${r.statements.toFixed(1).padStart(5)} statements  ${r.commits.toFixed(1)} commits`,
    );
  }
}
