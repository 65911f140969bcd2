import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// PGlite runs inside the process and cannot "go away"; the outage test needs a network database.
describe.skipIf(testDbKind() !== 'postgres')('health while PostgreSQL is unreachable', () => {
  let t: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    const target = new URL(t.url as string);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(t.url as string);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const log = pino({ level: 'silent' });
    database = await openDatabase({
      kind: 'postgres',
      url: viaProxy.href,
      poolMax: 3,
      queryTimeoutMs: 5_000,
      log,
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HEALTH_TIMEOUT_MS: '1000',
      WEB_DIST_DIR: '/none',
    });
    app = await buildApp({ config, jwtSecret: 'x'.repeat(40), database, log, jobsState: () => 'disabled' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close().catch(() => {});
    await proxy?.close();
    await t?.drop();
  });

  const health = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    return { status: res.statusCode, body: res.json() };
  };

  it('200 connected → 503 disconnected while cut → 200 again by itself, without crashing', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { data: { db: 'connected', status: 'ok' } } });
    await proxy.cut();
    const down = await health();
    expect(down).toMatchObject({
      status: 503,
      body: { success: true, data: { db: 'disconnected', status: 'degraded' } },
    });
    // Other requests still get answers while the database is away.
    expect((await app.inject({ method: 'GET', url: '/api/v1/nope' })).statusCode).toBe(404);
    await proxy.restore();
    const back = await waitFor(async () => {
      const h = await health();
      return h.status === 200 ? h : undefined;
    });
    expect(back.body.data.db).toBe('connected');
  });
});
