import { adminIpAllowlistSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const t = setupApiTest();
let owner: BrowserSession;
let other: BrowserSession;
let manager: BrowserSession;

// Fastify's inject comes from 127.0.0.1 unless told otherwise.
const OFFICE = '203.0.113.7';
const from = (
  as: BrowserSession,
  remoteAddress: string,
  method: string,
  url: string,
  payload?: object,
  app = t.app,
) =>
  asBrowser(app, as, {
    method,
    url: `/api/v1${url}`,
    remoteAddress,
    ...(payload ? { payload } : {}),
  } as InjectOptions);

const allowlist = async (as: BrowserSession, ip = '127.0.0.1') => {
  const res = await from(as, ip, 'GET', '/settings/admin-ip-allowlist');
  expect(res.statusCode, res.body).toBe(200);
  return adminIpAllowlistSchema.parse(res.json().data);
};
const unchanged = async (tenantId: string) => ({
  row: await dbRows(
    t,
    sql`select admin_ip_allowlist, version from tenant_settings where tenant_id = ${tenantId}`,
  ),
  audit: (await dbRows(t, sql`select id from audit_logs where tenant_id = ${tenantId}`)).length,
});

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Ida Owner' });
  other = await signUp(t.app, { name: 'Other Owner' });
  manager = await addMember(t.app, t.database, owner, 'manager');
});

describe('admin IP allowlist', () => {
  it('is empty at first: admin operations from anywhere; it shows the caller its own address', async () => {
    expect(await allowlist(owner, OFFICE)).toMatchObject({ addresses: [], yourAddress: OFFICE });
    expect((await from(owner, '198.51.100.1', 'GET', '/api-keys')).statusCode).toBe(200);
    // Only settings.manage reads or changes it.
    expect((await from(manager, '127.0.0.1', 'GET', '/settings/admin-ip-allowlist')).statusCode).toBe(403);
  });

  it('refuses a list that would lock out the one saving it, and bad entries, with nothing changed', async () => {
    const before = await unchanged(owner.tenantId);
    const { version } = await allowlist(owner);
    const lockout = await from(owner, OFFICE, 'PUT', '/settings/admin-ip-allowlist', {
      addresses: ['198.51.100.0/24'],
      version,
    });
    expect(lockout.statusCode).toBe(400);
    expect(lockout.json().error.message).toContain(`(${OFFICE})`);
    for (const body of [
      { addresses: ['10.0.0.0/33'], version },
      { addresses: ['not-an-ip'], version },
      { addresses: ['10.0.0.1\u0000'], version },
      { addresses: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`), version },
      { addresses: [OFFICE], version, extra: true },
      { addresses: OFFICE, version },
      { addresses: [OFFICE] },
    ]) {
      const res = await from(owner, OFFICE, 'PUT', '/settings/admin-ip-allowlist', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await unchanged(owner.tenantId)).toEqual(before);
  });

  it('once set, admin operations from other addresses answer 403 with a clear message; the rest of the app is unaffected', async () => {
    const { version } = await allowlist(owner, OFFICE);
    const saved = await from(owner, OFFICE, 'PUT', '/settings/admin-ip-allowlist', {
      addresses: ['203.0.113.0/28', '2001:db8::/32', OFFICE],
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.addresses).toEqual(['203.0.113.0/28', '2001:db8::/32', OFFICE]);

    // From the office (an address in the range, IPv6 in the range, IPv4-mapped IPv6): allowed.
    for (const ip of ['203.0.113.9', '2001:db8::1', '::ffff:203.0.113.7'])
      expect((await from(owner, ip, 'GET', '/api-keys')).statusCode, ip).toBe(200);

    // From elsewhere: settings, members, roles, API keys, webhooks → 403.
    const before = await unchanged(owner.tenantId);
    const away = '198.51.100.23';
    const denied = await from(owner, away, 'PATCH', '/settings', { companyName: 'Hacked', version: 1 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('this request came from 198.51.100.23');
    for (const [method, url] of [
      ['GET', '/api-keys'],
      ['POST', '/roles'],
      ['GET', '/webhooks/subscriptions'],
      ['PUT', '/settings/admin-ip-allowlist'],
    ] as const)
      expect((await from(owner, away, method, url, method === 'GET' ? undefined : {})).statusCode, url).toBe(
        403,
      );
    expect(await unchanged(owner.tenantId)).toEqual(before);

    // Not admin operations: reading settings, members, working with leads.
    expect((await from(owner, away, 'GET', '/settings')).statusCode).toBe(200);
    expect((await from(owner, away, 'GET', '/members')).statusCode).toBe(200);
    expect(
      (await from(owner, away, 'POST', '/leads', { firstName: 'Away', lastName: 'Lead' })).statusCode,
    ).toBe(201);
    // A member without the permission hears about the permission, not the list.
    expect((await from(manager, away, 'GET', '/api-keys')).json().error.message).toContain('api_keys.manage');
    // Another tenant has no list.
    expect((await from(other, away, 'GET', '/api-keys')).statusCode).toBe(200);
  });

  it('the change is audited and a stale version is a 409', async () => {
    const rows = await dbRows<{ action: string }>(
      t,
      sql`select action from audit_logs where tenant_id = ${owner.tenantId} and action = 'settings.admin_ip_allowlist_updated'`,
    );
    expect(rows).toHaveLength(1);
    const stale = await from(owner, OFFICE, 'PUT', '/settings/admin-ip-allowlist', {
      addresses: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const { version } = await allowlist(owner, OFFICE);
    const cleared = await from(owner, OFFICE, 'PUT', '/settings/admin-ip-allowlist', {
      addresses: [],
      version,
    });
    expect(cleared.statusCode).toBe(200);
    expect((await from(owner, '198.51.100.23', 'GET', '/api-keys')).statusCode).toBe(200);
  });
});

describe('admin IP allowlist behind a trusted proxy', () => {
  let proxied: TestApp;
  let boss: BrowserSession;
  beforeAll(async () => {
    proxied = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    boss = await signUp(proxied.app, { name: 'Proxy Owner' });
    const { version } = (
      await from(boss, '10.1.1.1', 'GET', '/settings/admin-ip-allowlist', undefined, proxied.app)
    ).json().data;
    const res = await asBrowser(proxied.app, boss, {
      method: 'PUT',
      url: '/api/v1/settings/admin-ip-allowlist',
      remoteAddress: '10.1.1.1',
      headers: { 'x-forwarded-for': OFFICE },
      payload: { addresses: [OFFICE], version },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => proxied?.close());

  const viaProxy = (socket: string, forwardedFor: string) =>
    asBrowser(proxied.app, boss, {
      method: 'GET',
      url: '/api/v1/api-keys',
      remoteAddress: socket,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('believes X-Forwarded-For only from the listed proxies', async () => {
    expect((await viaProxy('10.1.1.1', OFFICE)).statusCode).toBe(200);
    expect((await viaProxy('10.1.1.1', '198.51.100.23')).statusCode).toBe(403);
    // A client that is not a trusted proxy cannot claim the office's address.
    expect((await viaProxy('198.51.100.23', OFFICE)).statusCode).toBe(403);
  });
});
