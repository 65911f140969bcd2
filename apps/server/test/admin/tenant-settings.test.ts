import { tenantSettingsSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const { api } = crmApi(t);
let owner: BrowserSession;
let other: BrowserSession;
let agent: BrowserSession;

// A 1×1 transparent PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Olga Owner' });
  other = await signUp(t.app, { name: 'Other Owner' });
  agent = await addMember(t.app, t.database, owner, 'sales');
});

const settings = async (as: BrowserSession) => {
  const res = await api(as, 'GET', '/settings');
  expect(res.statusCode, res.body).toBe(200);
  return tenantSettingsSchema.parse(res.json().data);
};
/** The settings row and the audit count: equal values mean nothing changed. */
const unchanged = async () => ({
  row: await dbRows(t, sql`select * from tenant_settings where tenant_id = ${owner.tenantId}`),
  audit: (await dbRows(t, sql`select id from audit_logs where tenant_id = ${owner.tenantId}`)).length,
});

describe('tenant settings', () => {
  it('starts with the defaults and is readable by every member', async () => {
    const s = await settings(agent);
    expect(s).toMatchObject({
      currency: 'USD',
      timezone: 'UTC',
      locale: 'en-US',
      companyName: null,
      logo: null,
      taxRateBasisPoints: 0,
      pricesIncludeTax: false,
      fiscalYearStartMonth: 1,
      version: 1,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings' })).statusCode).toBe(401);
  });

  it('the owner changes them; the change is audited (the logo as "[image]") and each tenant keeps its own', async () => {
    const res = await api(owner, 'PATCH', '/settings', {
      companyName: 'Olga GmbH',
      logo: PNG,
      primaryColor: '#1F6FEB',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      locale: 'de-DE',
      taxRateBasisPoints: 1900,
      pricesIncludeTax: true,
      taxId: 'DE123456789',
      fiscalYearStartMonth: 4,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({
      companyName: 'Olga GmbH',
      logo: PNG,
      primaryColor: '#1f6feb',
      currency: 'EUR',
      locale: 'de-DE',
      taxRateBasisPoints: 1900,
      fiscalYearStartMonth: 4,
      version: 2,
    });
    expect(await settings(agent)).toMatchObject({ currency: 'EUR', version: 2 });
    expect(await settings(other)).toMatchObject({ currency: 'USD', companyName: null, version: 1 });
    const [audit] = await dbRows<{ changes: Record<string, { from: unknown; to: unknown }> }>(
      t,
      sql`select changes from audit_logs where tenant_id = ${owner.tenantId} and action = 'settings.updated'`,
    );
    expect(audit?.changes.logo).toEqual({ from: null, to: '[image]' });
    expect(audit?.changes.currency).toEqual({ from: 'USD', to: 'EUR' });
    expect(audit?.changes.fiscalYearStartMonth).toEqual({ from: 1, to: 4 });
  });

  it('a stale version answers 409 with the current settings and changes nothing', async () => {
    const before = await unchanged();
    const res = await api(owner, 'PATCH', '/settings', { currency: 'GBP', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current).toMatchObject({ currency: 'EUR', version: 2 });
    expect(await unchanged()).toEqual(before);
  });

  it('a member without settings.manage gets 403', async () => {
    const before = await unchanged();
    const res = await api(agent, 'PATCH', '/settings', { currency: 'GBP', version: 2 });
    expect(res.statusCode).toBe(403);
    expect(await unchanged()).toEqual(before);
  });

  it.each([
    ['unknown field', { numbering: 'INV-{n}' }],
    ['missing version', { currency: 'GBP', version: undefined }],
    ['wrong type', { taxRateBasisPoints: '19' }],
    ['tax rate above 100 %', { taxRateBasisPoints: 10_001 }],
    ['lower-case currency', { currency: 'eur' }],
    ['unknown currency', { currency: 'XQZ' }],
    ['unknown time zone', { timezone: 'Mars/Olympus' }],
    ['not a locale', { locale: 'not a locale!' }],
    ['bad colour', { primaryColor: 'red' }],
    ['fiscal month 13', { fiscalYearStartMonth: 13 }],
    ['svg logo', { logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }],
    ['oversize logo', { logo: `data:image/png;base64,${'A'.repeat(140_000)}` }],
    ['oversize company name', { companyName: 'x'.repeat(201) }],
    ['NUL byte', { companyName: 'Olga\u0000GmbH' }],
    ['blank company name', { companyName: '   ' }],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const before = await unchanged();
    const res = await api(owner, 'PATCH', '/settings', { version: 2, ...body });
    expect(res.statusCode, res.body).toBe(400);
    expect(await unchanged()).toEqual(before);
  });

  it('the database holds the limits too', async () => {
    for (const bad of [
      sql`update tenant_settings set primary_color = 'red' where tenant_id = ${owner.tenantId}`,
      sql`update tenant_settings set fiscal_year_start_month = 0 where tenant_id = ${owner.tenantId}`,
      sql`update tenant_settings set logo = 'data:image/svg+xml;base64,AA' where tenant_id = ${owner.tenantId}`,
      sql`update tenant_settings set tax_rate_basis_points = -1 where tenant_id = ${owner.tenantId}`,
    ]) {
      await expect(t.database.db.execute(bad)).rejects.toThrow();
    }
  });

  it('concurrent changes with the same version: exactly one wins, the other gets 409', async () => {
    const { version } = await settings(owner);
    const results = await Promise.all(
      ['GBP', 'CHF', 'JPY'].map((currency) => api(owner, 'PATCH', '/settings', { currency, version })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json().data.currency;
    expect(await settings(owner)).toMatchObject({ currency: winner, version: version + 1 });
  });
});
