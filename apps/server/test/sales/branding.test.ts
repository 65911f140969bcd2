import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { samplePng } from './sample-png.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const png = () => Buffer.from(samplePng(40, 20)).toString('base64');
const current = async (as: BrowserSession) => (await c.api(as, 'GET', '/sales/branding')).json().data;
const stored = () => dbRows(t, sql`select * from sales_branding where tenant_id = ${owner.tenantId}`);

describe('PATCH /sales/branding', () => {
  it('sets colours and a logo, removes the logo again, audits each change; stale versions are 409', async () => {
    expect(await current(owner)).toEqual({ primaryColor: null, accentColor: null, logo: null, version: 1 });
    const set = await c.api(owner, 'PATCH', '/sales/branding', {
      primaryColor: '#1F6FEB',
      accentColor: '#eef2f7',
      logo: { contentType: 'image/png', data: png() },
      version: 1,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().data).toEqual({
      primaryColor: '#1f6feb',
      accentColor: '#eef2f7',
      logo: { contentType: 'image/png', size: samplePng(40, 20).length },
      version: 2,
    });
    const stale = await c.api(owner, 'PATCH', '/sales/branding', { primaryColor: '#000000', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.primaryColor).toBe('#1f6feb');
    const removed = await c.api(owner, 'PATCH', '/sales/branding', { logo: null, version: 2 });
    expect(removed.json().data).toMatchObject({ primaryColor: '#1f6feb', logo: null, version: 3 });
    expect((await c.api(owner, 'GET', '/sales/branding/logo')).statusCode).toBe(404);
    expect(await auditActions(t, owner.tenantId)).toContain('sales_branding.update');
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const { version } = await current(owner);
    const before = await stored();
    const bad: object[] = [
      { primaryColor: 'red', version },
      { primaryColor: '#12345', version },
      { primaryColor: '#123456\u0000', version },
      { accentColor: 42, version },
      { logo: { contentType: 'image/gif', data: png() }, version },
      { logo: { contentType: 'image/png', data: 'not base64!' }, version },
      { logo: { contentType: 'image/jpeg', data: png() }, version },
      {
        logo: { contentType: 'image/png', data: Buffer.from('GIF89a-not-a-png').toString('base64') },
        version,
      },
      { logo: { contentType: 'image/png', data: 'A'.repeat(800_000) }, version },
      { logo: { contentType: 'image/png', data: png(), extra: 1 }, version },
      { primaryColor: '#000000' },
      { primaryColor: '#000000', version, unknown: true },
    ];
    for (const body of bad) {
      const res = await c.api(owner, 'PATCH', '/sales/branding', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await stored()).toEqual(before);
  });

  it('is per tenant and needs settings.manage to change', async () => {
    expect((await current(other)).primaryColor).toBeNull();
    const reader = await memberWithRole(t, owner.tenantId, { permissions: ['products.view'] });
    expect((await c.api(reader, 'GET', '/sales/branding')).statusCode).toBe(200);
    const { version } = await current(owner);
    const denied = await c.api(reader, 'PATCH', '/sales/branding', { primaryColor: '#000000', version });
    expect(denied.statusCode).toBe(403);
    expect((await current(owner)).version).toBe(version);
  });
});
