import { type FeatureFlag, featureFlagKeys, featureFlagSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { appConsumers } from '../../src/events.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { createEventDispatcher } from '../../src/platform/events/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember, roleByKey } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { testDbKind } from '../helpers/test-database.ts';

const t = setupApiTest();
const { api, create } = crmApi(t);
let owner: BrowserSession;
let other: BrowserSession;
let sales: BrowserSession;
let marketing: BrowserSession;

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Flag Owner' });
  other = await signUp(t.app, { name: 'Other Tenant' });
  sales = await addMember(t.app, t.database, owner, 'sales', 'Sam Sales');
  marketing = await addMember(t.app, t.database, owner, 'marketing');
});

const flags = async (as: BrowserSession): Promise<Map<string, FeatureFlag>> => {
  const res = await api(as, 'GET', '/feature-flags');
  expect(res.statusCode, res.body).toBe(200);
  return new Map(res.json().data.map((f: unknown) => [featureFlagSchema.parse(f).key, f]));
};
const flag = async (key: string) => (await flags(owner)).get(key) as FeatureFlag;
const setFlag = (as: BrowserSession, key: string, body: Record<string, unknown>) =>
  api(as, 'PATCH', `/feature-flags/${key}`, body);
const stored = () =>
  dbRows(
    t,
    sql`select key, enabled, role_ids, version from feature_flags where tenant_id = ${owner.tenantId}`,
  );
const unchanged = async () => ({
  flags: await stored(),
  audit: (await dbRows(t, sql`select id from audit_logs where tenant_id = ${owner.tenantId}`)).length,
});
const leadsStatus = async (app: FastifyInstance, as: BrowserSession) =>
  (await asBrowser(app, as, { method: 'GET', url: '/api/v1/leads' })).statusCode;

describe('feature flags', () => {
  it('lists every flag of the catalog, on by default, never set (version 0)', async () => {
    const all = await flags(sales);
    expect([...all.keys()]).toEqual(featureFlagKeys);
    for (const f of all.values())
      expect(f).toMatchObject({ enabled: true, on: true, version: 0, roleIds: [] });
  });

  it('turning the CRM off makes its routes answer 404 at once, for this tenant only; audited; back on → 200', async () => {
    expect(await leadsStatus(t.app, sales)).toBe(200);
    const off = await setFlag(owner, 'crm', { enabled: false, version: 0 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().data).toMatchObject({ key: 'crm', enabled: false, on: false, version: 1 });
    expect(await leadsStatus(t.app, sales)).toBe(404);
    expect(await leadsStatus(t.app, owner)).toBe(404);
    const res = await api(owner, 'POST', '/leads', { firstName: 'No', lastName: 'Crm' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('No route POST /api/v1/leads');
    expect(await leadsStatus(t.app, other)).toBe(200);
    // Routes of other modules are untouched.
    expect((await api(owner, 'GET', '/notifications')).statusCode).toBe(200);
    const [audit] = await dbRows<{ target_id: string; changes: unknown }>(
      t,
      sql`select target_id, changes from audit_logs where tenant_id = ${owner.tenantId} and action = 'feature_flag.updated'`,
    );
    expect(audit).toEqual({ target_id: 'crm', changes: { enabled: { from: true, to: false } } });
    expect((await setFlag(owner, 'crm', { enabled: true, version: 1 })).statusCode).toBe(200);
    expect(await leadsStatus(t.app, sales)).toBe(200);
  });

  it('a flag limited to some roles is on only for their members', async () => {
    const salesRole = await roleByKey(t.app, owner, 'sales');
    const { version } = await flag('crm');
    const res = await setFlag(owner, 'crm', { enabled: true, roleIds: [salesRole.id], version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await leadsStatus(t.app, sales)).toBe(200);
    expect(await leadsStatus(t.app, marketing)).toBe(404);
    expect((await flags(marketing)).get('crm')?.on).toBe(false);
    expect((await flags(sales)).get('crm')?.on).toBe(true);
    expect(
      (await setFlag(owner, 'crm', { enabled: true, roleIds: [], version: version + 1 })).statusCode,
    ).toBe(200);
    expect(await leadsStatus(t.app, marketing)).toBe(200);
  });

  it('turning notifications off: the routes answer 404 and a mention notifies nobody', async () => {
    const dispatcher = createEventDispatcher({
      database: t.database,
      log: pino({ level: 'silent' }),
      consumers: appConsumers(),
      listen: false,
    });
    const mentions = async () =>
      (await dbRows(t, sql`select id from notifications where user_id = ${sales.userId}`)).length;
    const mention = async () => {
      const lead = await create(owner, '/leads', { firstName: 'Mention', lastName: 'Target' });
      await create(owner, '/activities', {
        type: 'note',
        subject: 'Ping',
        body: '@Sam Sales please call',
        related: { type: 'lead', id: lead.id },
      });
      await dispatcher.drain();
    };
    await dispatcher.drain();
    const before = await mentions();
    const { version } = await flag('notifications');
    expect((await setFlag(owner, 'notifications', { enabled: false, version })).statusCode).toBe(200);
    expect((await api(sales, 'GET', '/notifications')).statusCode).toBe(404);
    await mention();
    expect(await mentions()).toBe(before);
    expect((await setFlag(owner, 'notifications', { enabled: true, version: version + 1 })).statusCode).toBe(
      200,
    );
    expect((await api(sales, 'GET', '/notifications')).statusCode).toBe(200);
    await mention();
    expect(await mentions()).toBe(before + 1);
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const before = await unchanged();
    for (const version of [0, 1, 99]) {
      const res = await setFlag(owner, 'crm', { enabled: false, version });
      expect(res.statusCode, res.body).toBe(409);
    }
    expect(await unchanged()).toEqual(before);
  });

  it('a member without settings.manage gets 403', async () => {
    const before = await unchanged();
    expect((await setFlag(sales, 'crm', { enabled: false, version: 0 })).statusCode).toBe(403);
    expect(await unchanged()).toEqual(before);
  });

  it('another tenant’s role id answers 404 and changes nothing', async () => {
    const before = await unchanged();
    const foreign = await roleByKey(t.app, other, 'sales');
    const { version } = await flag('crm');
    const res = await setFlag(owner, 'crm', { enabled: true, roleIds: [foreign.id], version });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual([{ path: 'body.roleIds.0', message: 'Not found' }]);
    expect(await unchanged()).toEqual(before);
  });

  it.each([
    ['unknown flag', 'billing', { enabled: false, version: 0 }],
    ['unknown field', 'crm', { enabled: false, version: 0, percent: 50 }],
    ['missing enabled', 'crm', { version: 0 }],
    ['wrong type', 'crm', { enabled: 'no', version: 0 }],
    ['negative version', 'crm', { enabled: false, version: -1 }],
    ['not a uuid', 'crm', { enabled: true, roleIds: ['x'], version: 0 }],
    ['too many roles', 'crm', { enabled: true, roleIds: Array(101).fill(crypto.randomUUID()), version: 0 }],
    ['NUL byte', 'crm\u0000', { enabled: false, version: 0 }],
  ])('refuses %s with 400 and changes nothing', async (_, key, body) => {
    const before = await unchanged();
    const res = await setFlag(owner, encodeURIComponent(key), body);
    expect(res.statusCode, res.body).toBe(400);
    expect(await unchanged()).toEqual(before);
  });

  it('concurrent first changes (version 0): exactly one wins', async () => {
    const results = await Promise.all(
      [false, true, false].map((enabled) => setFlag(owner, 'reporting', { enabled, version: 0 })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect((await flag('reporting')).version).toBe(1);
  });
});

describe.runIf(testDbKind() === 'postgres')('feature flags across two instances', () => {
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
    });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    await second.close();
  });

  it('a change on one instance applies on the other at once (its cached flags are dropped)', async () => {
    // Both instances have the tenant's flags cached.
    expect(await leadsStatus(b, sales)).toBe(200);
    expect(await leadsStatus(b, sales)).toBe(200);
    const { version } = await flag('crm');
    expect((await setFlag(owner, 'crm', { enabled: false, version })).statusCode).toBe(200);
    expect(await leadsStatus(b, sales)).toBe(404);
    expect((await setFlag(owner, 'crm', { enabled: true, version: version + 1 })).statusCode).toBe(200);
    expect(await leadsStatus(b, sales)).toBe(200);
  });
});
