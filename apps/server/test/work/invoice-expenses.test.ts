import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { failure, workApi } from './work-fixtures.ts';

// Approved billable expenses go on the project's "invoice billable work" draft with its time, invoiced once.

let owner: BrowserSession;
let crew: BrowserSession;
let other: BrowserSession;
let company: { id: string };
let project: { id: string };
const t = setupApiTest();
const w = workApi(t);
const TABLES = ['expenses', 'time_entries', 'sales_documents', 'sales_document_lines'];
const url = (p = project) => `/projects/${p.id}/invoice-time`;

/** An expense of crew's, submitted and approved by the owner (or left at `stop`). */
const spend = async (body: object, stop?: 'draft' | 'submitted', p = project) => {
  const e = await w.create(crew, '/expenses', {
    date: '2031-03-04',
    projectId: p.id,
    category: 'Fuel',
    expenseAmountCents: 12_000,
    expenseTaxCents: 2_000,
    currency: 'EUR',
    billable: true,
    ...body,
  });
  if (stop === 'draft') return e;
  const submitted = (await w.api(crew, 'POST', `/expenses/${e.id}/submit`, { version: 1 })).json().data;
  if (stop === 'submitted') return submitted;
  const approved = await w.api(owner, 'POST', `/expenses/${e.id}/approve`, { version: submitted.version });
  if (approved.statusCode !== 200) throw new Error(approved.body);
  return approved.json().data;
};
const marks = () =>
  dbRows<{ id: string; invoice_ref: string | null; category: string }>(
    t,
    sql`select id, invoice_ref, category from expenses where tenant_id = ${owner.tenantId} order by expense_date, category`,
  );

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  crew = await addMember(t.app, t.database, owner, 'crew', 'Carla');
  await w.create(owner, '/tax-rates', { name: 'Standard', rateBp: 2000, isDefault: true });
  await w.create(owner, '/tax-rates', { name: 'Reduced', rateBp: 700 });
  company = await w.create(owner, '/companies', { name: 'Harbour Clinic' });
  project = await w.create(owner, '/projects', {
    name: 'Clinic wiring',
    code: 'CW',
    companyId: company.id,
    defaultRateCents: 5000,
    currency: 'EUR',
  });
  const week = await w.saveWeek(crew, 'me', '2031-03-03', [
    { projectId: project.id, hours: [2, 0, 0, 0, 0, 0, 0] },
  ]);
  if (week.statusCode !== 200) throw new Error(week.body);
  const submitted = (await w.api(crew, 'POST', `${w.weekUrl('me', '2031-03-03')}/submit`)).json().data;
  await w.api(owner, 'POST', `${w.weekUrl(crew.userId, '2031-03-03')}/approve`, {
    version: submitted.version,
  });
});

describe('invoice billable expenses with the time', () => {
  it('previews time and expense lines, makes one draft with both and marks them invoiced once', async () => {
    await spend({ note: 'Van' }); // 100.00 + 20 % tax
    await spend({ category: 'Meals', date: '2031-03-05', expenseAmountCents: 1_070, expenseTaxCents: 70 });
    await spend({ category: 'Parking', expenseAmountCents: 500, expenseTaxCents: 0, date: '2031-03-06' });
    await spend({ category: 'Not billable', billable: false });
    await spend({ category: 'Submitted only' }, 'submitted');
    await spend({ category: 'Draft only' }, 'draft');
    const preview = (await w.api(owner, 'GET', url())).json().data;
    expect(preview).toMatchObject({
      hours: 2,
      entries: 1,
      expenses: 3,
      blockers: [],
      // 2 h × 50.00 + 100.00 + 10.00 + 5.00, before tax
      amountCents: 10_000 + 10_000 + 1_000 + 500,
      expenseLines: [
        {
          category: 'Fuel',
          description: 'Clinic wiring: Fuel (2031-03-04) – Van',
          amountCents: 10_000,
          taxCents: 2_000,
          taxRateBp: 2000,
        },
        { category: 'Meals', amountCents: 1_000, taxCents: 70, taxRateBp: 700 },
        { category: 'Parking', amountCents: 500, taxCents: 0, taxRateBp: 0 },
      ],
    });
    const res = await w.api(owner, 'POST', url(), {});
    expect(res.statusCode).toBe(201);
    const made = res.json().data;
    expect(made).toMatchObject({ entries: 1, expenses: 3, amountCents: 21_500 });
    const invoice = (await w.api(owner, 'GET', `/invoices/${made.invoiceId}`)).json().data;
    expect(invoice).toMatchObject({
      status: 'draft',
      companyId: company.id,
      currency: 'EUR',
      netCents: 21_500,
    });
    // Tax: 20 % of 100.00 (time) + 20 % of 100.00 + 7 % of 10.00 + 0 on parking.
    expect(invoice.taxCents).toBe(2_000 + 2_000 + 70);
    expect(
      invoice.lines.map((l: { description: string; unitPriceCents: number; taxRateBp: number }) => [
        l.description,
        l.unitPriceCents,
        l.taxRateBp,
      ]),
    ).toEqual([
      ['Clinic wiring: Carla', 5000, 2000],
      ['Clinic wiring: Fuel (2031-03-04) – Van', 10_000, 2000],
      ['Clinic wiring: Meals (2031-03-05)', 1_000, 700],
      ['Clinic wiring: Parking (2031-03-06)', 500, 0],
    ]);
    const refs = await marks();
    expect(refs.filter((r) => r.invoice_ref === made.invoiceId).map((r) => r.category)).toEqual([
      'Fuel',
      'Meals',
      'Parking',
    ]);
    expect(refs.filter((r) => r.invoice_ref === null)).toHaveLength(3);
    const fuelId = refs.find((r) => r.category === 'Fuel')?.id;
    const fuel = (await w.api(owner, 'GET', `/expenses/${fuelId}`)).json().data;
    expect(fuel).toMatchObject({ invoiceRef: made.invoiceId, invoicedAt: expect.any(String) });
    expect(await auditActions(t, owner.tenantId, project.id)).toContain('project.time_invoiced');

    // Twice: nothing left → 409, nothing changed; the mark is final in the database.
    const before = await w.snapshot(owner.tenantId, TABLES);
    const again = await w.api(owner, 'POST', url(), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/Nothing to invoice/);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect(
      await failure(dbRows(t, sql`update expenses set invoice_ref = 'AGAIN' where id = ${fuelId}`)),
    ).toMatch(/expenses_invoiced_once/);
    // Locked: an invoiced expense keeps its content and cannot be deleted.
    expect(
      (await w.api(owner, 'PATCH', `/expenses/${fuel.id}`, { note: 'x', version: fuel.version })).statusCode,
    ).toBe(409);
    expect((await w.api(owner, 'DELETE', `/expenses/${fuel.id}`)).statusCode).toBe(409);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('concurrent calls invoice the expenses once: one draft, the others 409', async () => {
    const e = await spend({ date: '2031-04-01', category: 'Hotel' });
    const results = await Promise.all([1, 2, 3].map(() => w.api(owner, 'POST', url(), {})));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const made = results.find((r) => r.statusCode === 201)?.json().data;
    expect(made).toMatchObject({ entries: 0, expenses: 1, amountCents: 10_000 });
    const [row] = await dbRows<{ invoice_ref: string }>(
      t,
      sql`select invoice_ref from expenses where id = ${e.id}`,
    );
    expect(row?.invoice_ref).toBe(made.invoiceId);
    const drafts = await dbRows(
      t,
      sql`select id from sales_documents where tenant_id = ${owner.tenantId} and notes like 'Expenses of project%'`,
    );
    expect(drafts).toHaveLength(1);
  });

  it('refuses another currency and a tax no rate gives (409 naming it); nothing changes', async () => {
    const p = await w.create(owner, '/projects', {
      name: 'Quay',
      code: 'QY',
      companyId: company.id,
      currency: 'EUR',
    });
    await spend({ currency: 'USD', category: 'Taxi' }, undefined, p);
    const before = await w.snapshot(owner.tenantId, TABLES);
    const preview = (await w.api(owner, 'GET', url(p))).json().data;
    expect(preview.blockers).toEqual([
      expect.stringMatching(/Taxi of 2031-03-04 is in USD, the project invoices in EUR/),
    ]);
    const usd = await w.api(owner, 'POST', url(p), {});
    expect(usd.statusCode).toBe(409);
    expect(usd.json().error.message).toMatch(/is in USD/);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Left out, the expense blocks nothing (and nothing else is left to invoice here).
    const without = (await w.api(owner, 'GET', `${url(p)}?expenses=exclude`)).json().data;
    expect(without).toMatchObject({ expenses: 0, expenseLines: [], blockers: [] });
    expect((await w.api(owner, 'POST', url(p), { expenses: 'exclude' })).json().error.message).toMatch(
      /Nothing to invoice/,
    );
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const q = await w.create(owner, '/projects', {
      name: 'Pier',
      code: 'PR',
      companyId: company.id,
      currency: 'EUR',
    });
    await spend({ category: 'Tools', expenseAmountCents: 1_130, expenseTaxCents: 130 }, undefined, q); // 13 %: no rate
    const beforeOdd = await w.snapshot(owner.tenantId, TABLES);
    const odd = await w.api(owner, 'POST', url(q), {});
    expect(odd.statusCode).toBe(409);
    expect(odd.json().error.message).toMatch(
      /Tools of 2031-03-04 records tax of 1\.30 on 10\.00 EUR: none of the tax rates/,
    );
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(beforeOdd);
  });

  it('other tenant 404, bad input 400; nothing changes', async () => {
    await spend({ date: '2031-05-01', category: 'Ferry' });
    const before = await w.snapshot(owner.tenantId, TABLES);
    expect((await w.api(other, 'POST', url(), {})).statusCode).toBe(404);
    expect((await w.api(other, 'GET', url())).statusCode).toBe(404);
    expect((await w.api(owner, 'POST', `/projects/${MISSING_ID}/invoice-time`, {})).statusCode).toBe(404);
    expect((await w.api(crew, 'POST', url(), {})).statusCode).toBe(403);
    for (const body of [
      { expenseIds: [] },
      { from: 5 },
      { to: '2031-13-01' },
      { includeExpenses: true },
      { expenses: 'none' },
      { expenses: false },
    ]) {
      expect((await w.api(owner, 'POST', url(), body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // A period that leaves the expense out: nothing to invoice.
    expect((await w.api(owner, 'POST', url(), { to: '2031-04-30' })).statusCode).toBe(409);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect(await w.rows('sales_documents', other.tenantId)).toEqual([]);
  });
});
