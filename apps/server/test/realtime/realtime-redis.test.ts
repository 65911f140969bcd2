import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { appConsumers } from '../../src/events.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { createEventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { connectSocket, listenUrl, type TestSocket } from '../helpers/socket-client.ts';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/test-app.ts';
import { testDbKind } from '../helpers/test-database.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two app instances (each its own pool, socket.io server and Redis adapter) on one PostgreSQL and one Redis.
describe.runIf(testDbKind() === 'postgres')('sockets across two instances (Redis adapter)', () => {
  let a: TestApp;
  let second: Database;
  let b: FastifyInstance;
  let owner: BrowserSession;
  let agent: BrowserSession;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    const log = pino({ level: 'silent' });
    a = await createTestApp({ env: { REDIS_URL } });
    second = await openDatabase({
      kind: 'postgres',
      url: a.url as string,
      poolMax: 3,
      queryTimeoutMs: 30_000,
      log,
    });
    b = await buildApp({
      jwtSecret: TEST_JWT_SECRET,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', REDIS_URL }),
      database: second,
      log,
      jobsState: () => 'disabled',
      plugins: [],
    });
    await b.ready();
    owner = await signUp(a.app);
    agent = await addMember(a.app, a.database, owner, 'sales');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b.close();
    await second.close();
    await a.close();
  });

  it('an event caused through instance A reaches a socket connected to instance B', async () => {
    const urlB = await listenUrl(b);
    const onB = await connectSocket(urlB, { session: agent });
    sockets.push(onB);
    // Instance A serves the request and dispatches the event; the agent's socket lives on B.
    const c = crmApi(a);
    const dispatcher = createEventDispatcher({
      database: a.database,
      log: pino({ level: 'silent' }),
      consumers: appConsumers({ realtime: a.app.realtime }),
      listen: false,
    });
    const lead = await c.create(owner, '/leads', { firstName: 'Grace', lastName: 'Hopper' });
    expect(
      (await c.api(owner, 'POST', `/leads/${lead.id}/assign`, { ownerId: agent.userId })).statusCode,
    ).toBe(200);
    await dispatcher.drain();
    expect((await onB.next('lead.assigned')).data).toMatchObject({ leadId: lead.id });
    await onB.next('record.changed', (d) => d.id === lead.id);
  });
});
