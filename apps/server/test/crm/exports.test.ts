import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let sales: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
  sales = await memberWithRole(t, owner.tenantId, { key: 'sales' });
}, 60_000);

const { api } = crmApi(() => t);
const createLead = async (as: BrowserSession, body: object) => {
  const res = await api(as, 'POST', '/leads', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json().data as { id: string };
};
/** The machine format (`headers=keys`) as parsed records: header first. */
const exportCsv = async (as: BrowserSession, url: string) => {
  const res = await api(as, 'GET', `${url}${url.includes('?') ? '&' : '?'}headers=keys`);
  expect(res.statusCode, res.body).toBe(200);
  const records = parse(res.body, { relax_column_count: false }) as string[][];
  const [header = [], ...rows] = records;
  return {
    res,
    header,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] as string]))),
  };
};

describe('lead export', () => {
  it('streams CSV with a header row, an attachment name and one audit row', async () => {
    await createLead(owner, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      tags: ['a', 'b'],
    });
    const { res, header, rows } = await exportCsv(owner, '/leads/export');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}-keys.csv"`,
    );
    expect(header.slice(0, 4)).toEqual(['id', 'firstName', 'lastName', 'email']);
    expect(header).toContain('estimatedValueCents');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstName: 'Ada', email: 'ada@example.com', tags: 'a;b', status: 'new' });
    expect(res.body.endsWith('\r\n')).toBe(true);
    const audit = await dbRows<{
      changes: { rows: { to: number }; filter: { to: Record<string, unknown> } };
    }>(
      t,
      sql`select changes from audit_logs where tenant_id = ${owner.tenantId} and action = 'lead.exported'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes.rows.to).toBe(1);
    expect(audit[0]?.changes.filter.to).toMatchObject({ sort: '-createdAt', archived: 'exclude' });
    expect(audit[0]?.changes).toMatchObject({ headers: { to: 'keys' } });
  });

  it('prefixes formula-like cells with a quote and quotes commas, quotes and line breaks', async () => {
    const lead = await createLead(owner, {
      firstName: '=1+1',
      lastName: '+33',
      companyName: '-2',
      source: '@SUM(A1)',
      phone: 'Acme, "Inc"\nSecond line',
    });
    // Tab and CR survive only when written directly (the contract trims them).
    await t.database.db.execute(
      sql`update leads set status_reason = ${'\tx'}, currency = 'EUR', email = ${'\rcr@example.com'} where id = ${lead.id}`,
    );
    const { res, rows } = await exportCsv(owner, '/leads/export?q=%2B33');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      firstName: "'=1+1",
      lastName: "'+33",
      companyName: "'-2",
      source: "'@SUM(A1)",
      statusReason: "'\tx",
      email: "'\rcr@example.com",
      phone: 'Acme, "Inc"\nSecond line',
    });
    expect(res.body).toContain('"Acme, ""Inc""\nSecond line"');
    expect(res.body).toContain(`,'=1+1,'+33,`);
  });

  it('applies the list filters and the record scope: a sales member exports only their leads', async () => {
    const mine = await createLead(sales, { firstName: 'Sales', lastName: 'Own', tags: ['exp'] });
    await createLead(owner, { firstName: 'Owner', lastName: 'Lead', tags: ['exp'] });
    const salesExport = await exportCsv(sales, '/leads/export');
    expect(salesExport.rows.map((r) => r.id)).toEqual([mine.id]);

    const tagged = await exportCsv(owner, '/leads/export?tag=exp&sort=lastName');
    expect(tagged.rows.map((r) => r.lastName)).toEqual(['Lead', 'Own']);
    const listed = (await api(owner, 'GET', '/leads?tag=exp&sort=lastName')).json().data as { id: string }[];
    expect(tagged.rows.map((r) => r.id)).toEqual(listed.map((l) => l.id));
    const mineOnly = await exportCsv(owner, `/leads/export?ownerId=${sales.userId}`);
    expect(mineOnly.rows.map((r) => r.id)).toEqual([mine.id]);
    // limit / cursor of the list are accepted and ignored: an export is the whole result.
    expect((await exportCsv(owner, '/leads/export?limit=1')).rows.length).toBeGreaterThan(1);
    expect((await api(owner, 'GET', '/leads/export?sort=nope')).statusCode).toBe(400);
  });

  it('hides money columns from members without fields.money.view', async () => {
    const marketing = await memberWithRole(t, owner.tenantId, { key: 'marketing' });
    await createLead(owner, { firstName: 'Money', lastName: 'Hidden', estimatedValueCents: 5000 });
    const { header, rows } = await exportCsv(marketing, '/leads/export?q=hidden');
    expect(header).not.toContain('estimatedValueCents');
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0] ?? {})).not.toContain('5000');
  });

  it('needs leads.export (403)', async () => {
    const viewer = await memberWithRole(t, owner.tenantId, { permissions: ['leads.view'] });
    expect((await api(viewer, 'GET', '/leads/export')).statusCode).toBe(403);
  });

  it('streams a large export completely, in order (5000 rows)', async () => {
    const big = await signUp(t.app);
    await t.database.db.execute(sql`
      insert into leads (id, tenant_id, first_name, last_name, email, owner_id, created_at)
      select gen_random_uuid(), ${big.tenantId}, 'Bulk', 'Lead ' || g, 'bulk' || g || '@example.com', ${big.userId},
             now() - make_interval(secs => g)
        from generate_series(1, 5000) g`);
    const { rows } = await exportCsv(big, '/leads/export');
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5000);
    expect(rows[0]?.lastName).toBe('Lead 1');
    expect(rows.at(-1)?.lastName).toBe('Lead 5000');
  });
});

describe('contacts and companies export', () => {
  it('exports companies and contacts (with their company name) under the same rules', async () => {
    const company = await api(owner, 'POST', '/companies', { name: '@Evil Corp', domain: 'evil.example' });
    expect(company.statusCode, company.body).toBe(201);
    const contact = await api(owner, 'POST', '/contacts', {
      firstName: 'Eve',
      lastName: 'Smith',
      companyId: company.json().data.id,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const companies = await exportCsv(owner, '/companies/export');
    expect(companies.res.headers['content-disposition']).toMatch(
      /filename="companies-\d{4}-\d{2}-\d{2}-keys\.csv"/,
    );
    expect(companies.rows).toEqual([
      expect.objectContaining({ name: "'@Evil Corp", domain: 'evil.example' }),
    ]);
    const contacts = await exportCsv(owner, '/contacts/export');
    expect(contacts.rows).toEqual([
      expect.objectContaining({ firstName: 'Eve', companyName: "'@Evil Corp", ownerId: owner.userId }),
    ]);
    expect((await exportCsv(sales, '/contacts/export')).rows).toEqual([]);
  });
});
