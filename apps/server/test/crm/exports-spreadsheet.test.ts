import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

// The default export format is for spreadsheets: labels, names, currency units, a BOM. `headers=keys` (the
// machine format) is covered by exports.test.ts and the import round trip.

let owner: BrowserSession;
let sales: BrowserSession;
const t = setupApiTest();
const { api, create } = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Olivia Owner' });
  sales = await memberWithRole(t, owner.tenantId, { key: 'sales' });
}, 60_000);

const BOM = '\uFEFF';
const download = async (as: BrowserSession, url: string) => {
  const res = await api(as, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  const [header = [], ...rows] = parse(res.body, { bom: true }) as string[][];
  return {
    res,
    header,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] as string]))),
  };
};

describe('spreadsheet exports (default)', () => {
  it('leads: a BOM, field labels, the owner and vendor by name, money in currency units', async () => {
    const vendor = await create(owner, '/lead-vendors', { name: 'Lead Shop' });
    await create(owner, '/leads', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      vendorId: vendor.id,
      estimatedValueCents: 123450,
      currency: 'USD',
      tags: ['a', 'b'],
    });
    await create(owner, '/leads', {
      firstName: 'Yen',
      lastName: 'Lead',
      estimatedValueCents: 5000,
      currency: 'JPY',
    });
    const { res, header, rows } = await download(owner, '/leads/export?sort=lastName');
    expect(res.body.startsWith(BOM)).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/filename="leads-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(header.slice(0, 4)).toEqual(['ID', 'First name', 'Last name', 'E-mail']);
    expect(header).toEqual(
      expect.arrayContaining(['Vendor', 'Owner', 'Estimated value', 'Currency', 'Created']),
    );
    expect(header).not.toContain('estimatedValueCents');
    expect(rows).toEqual([
      expect.objectContaining({ 'Last name': 'Lead', 'Estimated value': '5000', Currency: 'JPY' }),
      expect.objectContaining({
        'First name': 'Ada',
        Owner: 'Olivia Owner',
        Vendor: 'Lead Shop',
        'Estimated value': '1234.50',
        Currency: 'USD',
        Tags: 'a;b',
      }),
    ]);
    expect(rows[1]?.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('keeps the formula guard: label cells and name cells starting with = + - @ get a quote', async () => {
    const other = await signUp(t.app, { name: '=HYPERLINK("x")' });
    const company = await create(other, '/companies', { name: '+Plus Co' });
    await create(other, '/contacts', { firstName: '-Minus', lastName: '@At', companyId: company.id });
    const { res, rows } = await download(other, '/contacts/export');
    expect(rows).toEqual([
      expect.objectContaining({
        'First name': "'-Minus",
        'Last name': "'@At",
        Company: "'+Plus Co",
        Owner: `'=HYPERLINK("x")`,
      }),
    ]);
    expect(Object.keys(rows[0] ?? {})).not.toContain('Company id');
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('companies: the owner by name; the keys format keeps ids', async () => {
    const other = await signUp(t.app, { name: 'Cara Company' });
    await create(other, '/companies', { name: 'Acme', domain: 'acme.example' });
    const sheet = await download(other, '/companies/export');
    expect(sheet.rows).toEqual([
      expect.objectContaining({ Name: 'Acme', Domain: 'acme.example', Owner: 'Cara Company' }),
    ]);
    const keys = await download(other, '/companies/export?headers=keys');
    expect(keys.res.body.startsWith(BOM)).toBe(false);
    expect(keys.rows).toEqual([expect.objectContaining({ name: 'Acme', ownerId: other.userId })]);
    expect((await api(other, 'GET', '/companies/export?headers=names')).statusCode).toBe(400);
    expect((await api(other, 'GET', '/companies/export?headers=keys&headers=labels')).statusCode).toBe(400);
  });
});

describe('deals export', () => {
  it('names the company, contact, pipeline, stage and owner; amounts in units; keys has ids and cents', async () => {
    const other = await signUp(t.app, { name: 'Dana Deals' });
    const company = await create(other, '/companies', { name: 'Globex' });
    const contact = await create(other, '/contacts', { firstName: 'Hank', lastName: 'Scorpio' });
    const deal = await create(other, '/deals', {
      title: 'Big sale',
      companyId: company.id,
      contactId: contact.id,
      amountCents: 9999999,
      currency: 'EUR',
      expectedCloseDate: '2027-01-31',
      tags: ['q1'],
    });
    const sheet = await download(other, '/deals/export');
    expect(sheet.res.body.startsWith(BOM)).toBe(true);
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        Title: 'Big sale',
        Company: 'Globex',
        Contact: 'Hank Scorpio',
        Pipeline: 'Sales pipeline',
        Stage: 'Qualification',
        Status: 'open',
        Amount: '99999.99',
        Currency: 'EUR',
        'Expected close': '2027-01-31',
        Owner: 'Dana Deals',
        Tags: 'q1',
      }),
    ]);
    const keys = await download(other, '/deals/export?headers=keys&sort=-amountCents');
    expect(keys.rows).toEqual([
      expect.objectContaining({
        id: deal.id,
        companyId: company.id,
        contactId: contact.id,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
        amountCents: '9999999',
        leadId: '',
      }),
    ]);
    const audit = await dbRows<{ changes: { headers: { to: string } } }>(
      t,
      sql`select changes from audit_logs where tenant_id = ${other.tenantId} and action = 'deal.exported' order by created_at`,
    );
    expect(audit.map((a) => a.changes.headers.to)).toEqual(['labels', 'keys']);
  });

  it('applies scope and money rules, and needs deals.export', async () => {
    await create(owner, '/deals', { title: 'Owner deal', amountCents: 100 });
    const mine = await create(sales, '/deals', { title: 'Sales deal', amountCents: 200 });
    const salesSheet = await download(sales, '/deals/export');
    expect(salesSheet.rows.map((r) => r.ID)).toEqual([mine.id]);
    expect((await download(owner, '/deals/export')).rows).toHaveLength(2);

    const marketing = await memberWithRole(t, owner.tenantId, { key: 'marketing' });
    expect((await api(marketing, 'GET', '/deals/export')).statusCode).toBe(403);
    const viewer = await memberWithRole(t, owner.tenantId, { permissions: ['deals.view', 'deals.export'] });
    const hidden = await download(viewer, '/deals/export');
    expect(hidden.header).not.toContain('Amount');
    expect(hidden.rows).toHaveLength(2);
    // Sorting or filtering by amount without the money permission is refused, as on the list.
    expect((await api(viewer, 'GET', '/deals/export?sort=amountCents')).statusCode).toBe(403);
    expect((await api(owner, 'GET', '/deals/export?stageId=nope')).statusCode).toBe(400);
  });
});

describe('deals.export for existing companies (migration 0044)', () => {
  it('the system roles whose template has it get it; custom roles do not', async () => {
    const tenantId = owner.tenantId;
    await t.database.db.execute(
      sql`update roles set permissions = array_remove(permissions, 'deals.export') where tenant_id = ${tenantId}`,
    );
    const custom = await memberWithRole(t, tenantId, { permissions: ['deals.view'] });
    expect(custom).toBeTruthy();
    const file = new URL('../../migrations/0044_deals_export_permission.sql', import.meta.url);
    await t.database.db.execute(sql.raw(readFileSync(file, 'utf8')));
    await t.database.db.execute(sql.raw(readFileSync(file, 'utf8'))); // twice: no repeats
    const roles = await dbRows<{ key: string | null; n: number }>(
      t,
      sql`select key, (select count(*) from unnest(permissions) p where p = 'deals.export')::int as n
            from roles where tenant_id = ${tenantId} order by key`,
    );
    const having = Object.fromEntries(roles.map((r) => [r.key ?? 'custom', r.n]));
    expect(having).toMatchObject({
      owner: 1,
      admin: 1,
      manager: 1,
      sales: 1,
      marketing: 0,
      dispatch: 0,
      custom: 0,
    });
  });
});
