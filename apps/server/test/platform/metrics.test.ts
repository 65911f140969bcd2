import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createEventDispatcher } from '../../src/platform/events/index.ts';
import { serveMetrics } from '../../src/platform/observability/metrics.routes.ts';
import { createMetrics, type Metrics } from '../../src/platform/observability/metrics.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { connectSocket, listenUrl } from '../helpers/socket-client.ts';
import { TEST_JWT_SECRET, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
const log = pino({ level: 'silent' });
let t: TestApp;
let metrics: Metrics;
let owner: BrowserSession;

/** The app with metrics enabled by token, on a fresh database (built here to share `metrics` with a dispatcher). */
const appWith = async (env: Record<string, string>) => {
  const testDb = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...env });
  const m = createMetrics({ database: testDb.database });
  const app = await buildApp({
    config,
    jwtSecret: TEST_JWT_SECRET,
    database: testDb.database,
    log,
    jobsState: () => 'disabled',
    metrics: m,
  });
  await app.ready();
  return {
    ...testDb,
    app,
    config,
    metrics: m,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
};

const scrape = (app: FastifyInstance, authorization?: string) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

/** The value of one sample line (`name{labels} value`), or undefined. */
const sample = (text: string, name: string, labels = '') =>
  text
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `))
    ?.split(' ')
    .at(-1);

beforeAll(async () => {
  const built = await appWith({ METRICS_TOKEN: TOKEN });
  t = built as unknown as TestApp;
  metrics = built.metrics;
  owner = await signUp(t.app);
});
afterAll(() => t.close());

describe('GET /metrics', () => {
  it('asks for the bearer token: none, a wrong one or a prefix of it get 401 and no numbers', async () => {
    for (const auth of [
      undefined,
      'Bearer wrong-token-wrong-token',
      `Bearer ${TOKEN.slice(0, -1)}`,
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      const res = await scrape(t.app, auth);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
      expect(res.body).not.toContain('tessera_');
    }
  });

  it('counts requests by route template and status, with a latency histogram and Node metrics', async () => {
    const c = crmApi(t);
    const lead = await c.create(owner, '/leads', { firstName: 'Grace', lastName: 'Hopper' });
    await c.api(owner, 'GET', `/leads/${lead.id}`);
    await c.api(owner, 'GET', '/leads/not-a-uuid');
    const res = await scrape(t.app, `Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(
      sample(text, 'tessera_http_requests_total', 'method="GET",route="/api/v1/leads/:id",status_code="200"'),
    ).toBe('1');
    expect(
      sample(text, 'tessera_http_requests_total', 'method="GET",route="/api/v1/leads/:id",status_code="400"'),
    ).toBe('1');
    expect(text).not.toContain(lead.id);
    expect(text).toMatch(
      /tessera_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/api\/v1\/leads",status_code="201"\} \d/,
    );
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // lead.created + lead.assigned are committed and not dispatched: the backlog shows them.
    expect(sample(text, 'tessera_outbox_backlog')).toBe('2');
    expect(Number(sample(text, 'tessera_outbox_lag_seconds'))).toBeGreaterThanOrEqual(0);
  });

  it('counts dispatched events and the business counters once the dispatcher delivers them', async () => {
    const c = crmApi(t);
    const deal = await c.create(owner, '/deals', { title: 'Boiler', amountCents: 90_000 });
    await c.api(owner, 'POST', `/deals/${deal.id}/won`, {});
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      consumers: [],
      listen: false,
      observer: metrics.dispatchObserver,
    });
    await dispatcher.drain();
    const text = (await scrape(t.app, `Bearer ${TOKEN}`)).body;
    expect(sample(text, 'tessera_leads_created_total')).toBe('1');
    expect(sample(text, 'tessera_deals_won_total')).toBe('1');
    expect(sample(text, 'tessera_events_dispatched_total', 'type="deal.stage_changed"')).toBe('1');
    expect(sample(text, 'tessera_outbox_backlog')).toBe('0');
    expect(sample(text, 'tessera_outbox_lag_seconds')).toBe('0');
  });

  it('counts the open sockets of this instance: one while connected, none once it disconnects', async () => {
    const sockets = async () => sample((await scrape(t.app, `Bearer ${TOKEN}`)).body, 'tessera_sockets_open');
    expect(await sockets()).toBe('0');
    const socket = await connectSocket(await listenUrl(t.app), { session: owner });
    try {
      expect(await sockets()).toBe('1');
    } finally {
      socket.close();
    }
    await waitFor(async () => (await sockets()) === '0');
  });

  it('is a 404 (not the web app, not the numbers) when no METRICS_TOKEN is set', async () => {
    const plain = await appWith({});
    try {
      for (const auth of [undefined, `Bearer ${TOKEN}`]) {
        const res = await scrape(plain.app, auth);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
      }
    } finally {
      await plain.close();
    }
  });

  it('METRICS_PORT serves them on a separate listener, with the token when one is set', async () => {
    for (const token of [undefined, TOKEN]) {
      const server = await serveMetrics({ metrics, host: '127.0.0.1', port: 0, ...(token ? { token } : {}) });
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const open = await fetch(`${base}/metrics`);
        expect(open.status).toBe(token ? 401 : 200);
        const authed = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(authed.status).toBe(200);
        expect(await authed.text()).toContain('tessera_http_requests_total');
        expect((await fetch(`${base}/api/health`)).status).toBe(404);
      } finally {
        server.close();
      }
    }
  });
});

describe('GET /api/health/ready', () => {
  it('is 200 when started, connected and migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({
      status: 'ready',
      checks: { lifecycle: 'ready', db: 'connected', migrations: 'applied' },
    });
  });

  it('is 503 while a migration of this build is pending, and ready again once it is applied', async () => {
    const [last] = (
      (await t.database.db.execute(
        sql`delete from schema_migrations where idx = (select max(idx) from schema_migrations) returning idx, tag, hash`,
      )) as unknown as { rows: { idx: number; tag: string; hash: string }[] }
    ).rows;
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().data).toMatchObject({ status: 'not_ready', checks: { migrations: 'pending' } });
    } finally {
      await t.database.db.execute(
        sql`insert into schema_migrations (idx, tag, hash) values (${last?.idx}, ${last?.tag}, ${last?.hash})`,
      );
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  });

  it('is 503 while starting or shutting down, and without a database; liveness stays separate', async () => {
    const other = await appWith({});
    const { createLifecycle } = await import('../../src/platform/observability/lifecycle.ts');
    const lifecycle = createLifecycle();
    const app = await buildApp({
      config: other.config,
      jwtSecret: TEST_JWT_SECRET,
      database: other.database,
      log,
      jobsState: () => 'disabled',
      lifecycle,
    });
    try {
      const ready = () => app.inject({ method: 'GET', url: '/api/health/ready' });
      expect((await ready()).json().data.checks.lifecycle).toBe('starting');
      expect((await ready()).statusCode).toBe(503);
      lifecycle.set('ready');
      expect((await ready()).statusCode).toBe(200);
      lifecycle.set('stopping');
      expect((await ready()).statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      lifecycle.set('ready');
      await other.database.close();
      const res = await ready();
      expect(res.statusCode).toBe(503);
      expect(res.json().data.checks).toMatchObject({ db: 'disconnected' });
    } finally {
      await app.close();
      await other.close().catch(() => {}); // its database is closed already
    }
  });
});
