import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBearer, asBrowser, type BrowserSession, logIn, PASSWORD, signUp } from '../helpers/auth-client.ts';
import { memberIdOf } from '../helpers/members.ts';
import { createApiKey, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// A long cache lifetime: every refusal below must come from invalidation, never from an entry expiring.
const env = { AUTH_CACHE_MS: '60000' };
let owner: BrowserSession;

const t = setupApiTest({ env });
beforeAll(async () => {
  owner = await signUp(t.app);
});

const me = (app: FastifyInstance, s: BrowserSession) =>
  asBrowser(app, s, { method: 'GET', url: '/api/v1/auth/me' });
const leads = (app: FastifyInstance, s: BrowserSession) =>
  asBrowser(app, s, { method: 'GET', url: '/api/v1/leads' });

/** Two requests: the first fills the cache, the second is served from it. */
const warm = async (request: () => Promise<{ statusCode: number }>) => {
  expect((await request()).statusCode).toBe(200);
  expect((await request()).statusCode).toBe(200);
};

/** Runs `statement` on the owner connection with triggers off (so no notification is sent). */
const silently = (statement: ReturnType<typeof sql>) =>
  t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });

const member = (permissions: string[]) => memberWithRole(t, owner.tenantId, { permissions });

const patchMember = async (as: BrowserSession, userId: string, payload: Record<string, unknown>) => {
  const m = await memberIdOf(t.app, owner, userId);
  return asBrowser(t.app, as, {
    method: 'PATCH',
    url: `/api/v1/members/${m.id}`,
    payload: { ...payload, version: m.version },
  });
};

describe('principal cache', () => {
  it('is really used: a change that bypasses the triggers is not seen until the entry goes', async () => {
    const m = await member(['leads.view']);
    await warm(() => leads(t.app, m));
    await silently(sql`update memberships set status = 'disabled' where user_id = ${m.userId}`);
    // Served from the cache (the database path would answer 401): this is what the tests below rely on.
    expect((await leads(t.app, m)).statusCode).toBe(200);
    await silently(sql`update memberships set status = 'active' where user_id = ${m.userId}`);
  });

  it('logout ends the cached session on the next request', async () => {
    const s = await logIn(t.app, owner.email, PASSWORD);
    await warm(() => me(t.app, s));
    const before = { ...s, cookies: { ...s.cookies } };
    expect((await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await me(t.app, before)).statusCode).toBe(401);
  });

  it('revoking another session ends it on the next request', async () => {
    const other = await logIn(t.app, owner.email, PASSWORD);
    await warm(() => me(t.app, other));
    const list = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/auth/sessions' })).json()
      .data as { id: string; current: boolean }[];
    const ids = list.filter((x) => !x.current).map((x) => x.id);
    for (const id of ids) {
      const del = await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/auth/sessions/${id}` });
      expect(del.statusCode).toBe(200);
    }
    expect((await me(t.app, other)).statusCode).toBe(401);
    expect((await me(t.app, owner)).statusCode).toBe(200);
  });

  it('disabling a member stops their session and their API key on the next request', async () => {
    const m = await member(['leads.view', 'api_keys.manage']);
    const key = await createApiKey(t, m, ['leads.view']);
    const viaKey = () => asBearer(t.app, key.key, { method: 'GET', url: '/api/v1/leads' });
    await warm(() => leads(t.app, m));
    await warm(viaKey);
    expect((await patchMember(owner, m.userId, { status: 'disabled' })).statusCode).toBe(200);
    expect((await leads(t.app, m)).statusCode).toBe(401);
    expect((await viaKey()).statusCode).toBe(401);
  });

  it('removing a member stops their session on the next request', async () => {
    const m = await member(['leads.view']);
    await warm(() => leads(t.app, m));
    const { id } = await memberIdOf(t.app, owner, m.userId);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/members/${id}` })).statusCode,
    ).toBe(200);
    expect((await leads(t.app, m)).statusCode).toBe(401);
  });

  it("changing a role's permissions or a member's denials applies on the next request", async () => {
    const m = await member(['leads.view', 'companies.view']);
    await warm(() => leads(t.app, m));
    expect((await patchMember(owner, m.userId, { denials: ['leads.view'] })).statusCode).toBe(200);
    expect((await leads(t.app, m)).statusCode).toBe(403);

    const companies = () => asBrowser(t.app, m, { method: 'GET', url: '/api/v1/companies' });
    await warm(companies);
    const [role] = await dbRows<{ id: string; version: number }>(
      t,
      sql`select r.id, r.version from roles r join memberships ms on ms.role_id = r.id
          where ms.user_id = ${m.userId} and ms.tenant_id = ${owner.tenantId}`,
    );
    const patched = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/roles/${role?.id}`,
      payload: { permissions: ['leads.view'], version: role?.version },
    });
    expect(patched.statusCode).toBe(200);
    expect((await companies()).statusCode).toBe(403);
  });

  it('revoking an API key refuses it on the next request', async () => {
    const key = await createApiKey(t, owner, ['leads.view']);
    const viaKey = () => asBearer(t.app, key.key, { method: 'GET', url: '/api/v1/leads' });
    await warm(viaKey);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` })).statusCode,
    ).toBe(200);
    expect((await viaKey()).statusCode).toBe(401);
  });
});

describe.runIf(testDbKind() === 'postgres')('two instances on one PostgreSQL database', () => {
  let second: Database;
  let b: FastifyInstance;

  beforeAll(async () => {
    const log = pino({ level: 'silent' });
    second = await openDatabase({
      kind: 'postgres',
      url: t.url as string,
      poolMax: 3,
      queryTimeoutMs: 30_000,
      log,
    });
    b = await buildApp({
      jwtSecret: TEST_JWT_SECRET,
      config: t.config,
      database: second,
      log,
      jobsState: () => 'disabled',
      plugins: [],
    });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    await second.close();
  });

  it('a revocation through instance A applies to the very next request on instance B', async () => {
    const m = await member(['leads.view', 'companies.view']);
    await warm(() => leads(b, m));
    await warm(() => asBrowser(b, m, { method: 'GET', url: '/api/v1/companies' }));
    // Role narrowed through A → B answers 403 at once.
    expect((await patchMember(owner, m.userId, { denials: ['companies.view'] })).statusCode).toBe(200);
    expect((await asBrowser(b, m, { method: 'GET', url: '/api/v1/companies' })).statusCode).toBe(403);
    expect((await leads(b, m)).statusCode).toBe(200);
    // Member disabled through A → B answers 401 at once.
    await warm(() => leads(b, m));
    expect((await patchMember(owner, m.userId, { status: 'disabled' })).statusCode).toBe(200);
    expect((await leads(b, m)).statusCode).toBe(401);
  });

  it('while the listener connection is lost nothing is served from the cache, and it recovers', async () => {
    const listeners = async () =>
      (
        await dbRows<{ n: number }>(
          t,
          sql`select count(*)::int as n from pg_stat_activity
              where application_name = 'tessera-listener' and datname = current_database()`,
        )
      )[0]?.n;
    expect(await listeners()).toBe(2); // one per instance
    const m = await member(['leads.view']);
    await warm(() => leads(b, m));
    await dbRows(
      t,
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'tessera-listener' and datname = current_database()`,
    );
    // A change B's listener cannot hear about (no trigger): B must not answer from its cache any more.
    await silently(sql`update memberships set status = 'disabled' where user_id = ${m.userId}`);
    expect((await leads(b, m)).statusCode).toBe(401);
    await silently(sql`update memberships set status = 'active' where user_id = ${m.userId}`);
    // Both listeners reconnect by themselves; then the cache serves again.
    await waitFor(async () => (await listeners()) === 2);
    await waitFor(async () => {
      await warm(() => leads(b, m));
      await silently(sql`update memberships set status = 'disabled' where user_id = ${m.userId}`);
      const served = (await leads(b, m)).statusCode === 200;
      await silently(sql`update memberships set status = 'active' where user_id = ${m.userId}`);
      return served;
    });
  });

  it('logging out on A ends the session on B at once', async () => {
    const s = await logIn(t.app, owner.email, PASSWORD);
    await warm(() => me(b, s));
    const copy = { ...s, cookies: { ...s.cookies } };
    expect((await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await me(b, copy)).statusCode).toBe(401);
  });
});
