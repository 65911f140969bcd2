import { kpiResultSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const { api, create } = crmApi(t);
let owner: BrowserSession;
let agent: BrowserSession;
let noMoney: BrowserSession;
let crew: BrowserSession;
let other: BrowserSession;

const PERIOD = 'from=2026-01-01&to=2026-03-31&grouping=month';

/** An issued invoice (no tax rate: 0 %), one line of `cents`. */
const invoice = async (
  as: BrowserSession,
  cents: number,
  issueDate: string,
  dueDate: string,
  ownerId?: string,
) => {
  const inv = await create(as, '/invoices', {
    issueDate,
    dueDate,
    ...(ownerId ? { ownerId } : {}),
    customer: { name: `Customer ${cents}` },
    lines: [{ description: 'Work', quantity: 1, unitPriceCents: cents }],
  });
  const res = await api(as, 'POST', `/invoices/${inv.id}/issue`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data as { id: string; number: string; totalCents: number };
};
const pay = async (as: BrowserSession, id: string, amountCents: number, paidOn: string) => {
  const res = await api(as, 'POST', `/invoices/${id}/payments`, {
    paidOn,
    amountCents,
    method: 'bank_transfer',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
};

let numbers: Record<string, string> = {};
let creditNumber = '';

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Ar Owner' });
  other = await signUp(t.app, { name: 'Other Tenant' });
  crew = await addMember(t.app, t.database, owner, 'crew');
  agent = await memberWithRole(t, owner.tenantId, {
    permissions: ['reports.view', 'reports.export', 'invoices.view', 'fields.money.view'],
  });
  await t.database.db.execute(
    sql`update roles set scopes = '{"invoices":"own"}'::jsonb where id = (select role_id from memberships where tenant_id = ${owner.tenantId} and user_id = ${agent.userId})`,
  );
  noMoney = await memberWithRole(t, owner.tenantId, {
    permissions: ['reports.view', 'reports.export', 'invoices.view'],
  });
  const a = await invoice(owner, 10_000, '2026-01-10', '2026-01-20');
  await pay(owner, a.id, 4_000, '2026-02-05');
  const b = await invoice(owner, 20_000, '2026-02-01', '2026-03-15');
  const credit = await api(owner, 'POST', `/invoices/${b.id}/credit-notes`, { issueDate: '2026-02-20' });
  expect(credit.statusCode, credit.body).toBe(201);
  expect(credit.json().data).toMatchObject({ status: 'issued', totalCents: 20_000 });
  creditNumber = credit.json().data.number;
  const c = await invoice(owner, 5_000, '2026-03-20', '2026-04-19');
  const d = await invoice(owner, 8_000, '2025-11-01', '2025-11-15'); // before the period: the opening balance
  await pay(owner, d.id, 3_000, '2026-03-10');
  const e = await invoice(owner, 7_000, '2026-01-15', '2026-02-10', agent.userId);
  await pay(owner, e.id, 2_000, '2026-03-01');
  await create(owner, '/invoices', {
    issueDate: '2026-01-05',
    lines: [{ description: 'Draft', quantity: 1, unitPriceCents: 9_999 }],
  });
  const theirs = await invoice(other, 50_000, '2026-01-10', '2026-01-20'); // another tenant: never counted
  await pay(other, theirs.id, 1_000, '2026-02-01');
  numbers = { a: a.number, b: b.number, c: c.number, d: d.number, e: e.number };
});

const kpi = async (as: BrowserSession, name: string, query = PERIOD) => {
  const res = await api(as, 'GET', `/reports/kpis/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return kpiResultSchema.parse(res.json().data);
};

describe('sales KPIs on prepared data', () => {
  it('invoice ageing: open balances by days past due at the end of the period', async () => {
    const r = await kpi(owner, 'invoice-ageing');
    expect(r.rows).toEqual([
      { bucket: '0–30', invoices: 1, balanceCents: 5_000 }, // C: not due yet
      { bucket: '31–60', invoices: 1, balanceCents: 5_000 }, // E: 49 days
      { bucket: '61–90', invoices: 1, balanceCents: 6_000 }, // A: 70 days
      { bucket: '90+', invoices: 1, balanceCents: 5_000 }, // D: 136 days
    ]);
    expect(r.totals).toEqual({ bucket: null, invoices: 4, balanceCents: 21_000 });
    expect(r.drillDown).toBe('/invoices');
    // Aged at an earlier date: C is not issued yet, A is 40 days past due.
    const feb = await kpi(owner, 'invoice-ageing', 'from=2026-01-01&to=2026-03-01');
    expect(feb.rows.map((row) => row.invoices)).toEqual([1, 1, 0, 1]);
  });

  it('AR summary: invoiced, paid, credited per month and open at each month end', async () => {
    const r = await kpi(owner, 'ar-summary');
    expect(r.rows).toEqual([
      {
        period: '2026-01-01',
        invoices: 2,
        invoicedCents: 17_000,
        paidCents: 0,
        creditedCents: 0,
        openCents: 25_000,
      },
      {
        period: '2026-02-01',
        invoices: 1,
        invoicedCents: 20_000,
        paidCents: 4_000,
        creditedCents: 20_000,
        openCents: 21_000,
      },
      {
        period: '2026-03-01',
        invoices: 1,
        invoicedCents: 5_000,
        paidCents: 5_000,
        creditedCents: 0,
        openCents: 21_000,
      },
    ]);
    expect(r.totals).toEqual({
      period: null,
      invoices: 4,
      invoicedCents: 42_000,
      paidCents: 9_000,
      creditedCents: 20_000,
      openCents: 21_000,
    });
  });

  it('transactions: payments in and credit notes out, newest first', async () => {
    const r = await kpi(owner, 'transactions');
    expect(r.rows).toEqual([
      {
        date: '2026-03-10',
        type: 'payment',
        number: numbers.d,
        customer: 'Customer 8000',
        method: 'bank_transfer',
        inCents: 3_000,
        outCents: null,
      },
      {
        date: '2026-03-01',
        type: 'payment',
        number: numbers.e,
        customer: 'Customer 7000',
        method: 'bank_transfer',
        inCents: 2_000,
        outCents: null,
      },
      {
        date: '2026-02-20',
        type: 'credit note',
        number: creditNumber,
        customer: 'Customer 20000',
        method: null,
        inCents: null,
        outCents: 20_000,
      },
      {
        date: '2026-02-05',
        type: 'payment',
        number: numbers.a,
        customer: 'Customer 10000',
        method: 'bank_transfer',
        inCents: 4_000,
        outCents: null,
      },
    ]);
    expect(r.totals).toMatchObject({ type: '4 transactions', inCents: 9_000, outCents: 20_000 });
    const march = await kpi(owner, 'transactions', 'from=2026-03-01&to=2026-03-05');
    expect(march.rows.map((row) => row.inCents)).toEqual([2_000]);
  });

  it('scope own: a member sees only their own invoices’ figures', async () => {
    expect((await kpi(agent, 'invoice-ageing')).rows.map((row) => row.balanceCents)).toEqual([
      0, 5_000, 0, 0,
    ]);
    const ar = await kpi(agent, 'ar-summary');
    expect(ar.rows.map((row) => [row.invoicedCents, row.paidCents, row.openCents])).toEqual([
      [7_000, 0, 7_000],
      [0, 0, 7_000],
      [0, 2_000, 5_000],
    ]);
    expect((await kpi(agent, 'transactions')).rows).toEqual([
      expect.objectContaining({ date: '2026-03-01', number: numbers.e, inCents: 2_000 }),
    ]);
    // The owner filtering by that member gets the same numbers.
    expect((await kpi(owner, 'ar-summary', `${PERIOD}&ownerId=${agent.userId}`)).totals).toMatchObject({
      invoicedCents: 7_000,
      openCents: 5_000,
    });
  });

  it('without fields.money.view every amount is null; counts stay (JSON and CSV)', async () => {
    const ageing = await kpi(noMoney, 'invoice-ageing');
    expect(ageing.moneyHidden).toBe(true);
    expect(ageing.rows.map((row) => [row.invoices, row.balanceCents])).toEqual([
      [1, null],
      [1, null],
      [1, null],
      [1, null],
    ]);
    const tx = await kpi(noMoney, 'transactions');
    expect(tx.rows.every((row) => row.inCents === null && row.outCents === null)).toBe(true);
    expect(tx.totals).toMatchObject({ inCents: null, outCents: null });
    const csv = await api(noMoney, 'GET', `/reports/kpis/ar-summary/export?${PERIOD}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/17000|21000|42000/);
  });

  it('CSV export: header, rows, totals', async () => {
    const res = await api(owner, 'GET', `/reports/kpis/invoice-ageing/export?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe(
      'Days past due,Invoices,Open balance\r\n0–30,1,5000\r\n31–60,1,5000\r\n61–90,1,6000\r\n90+,1,5000\r\nTotal,4,21000\r\n',
    );
  });

  it('403 without invoices.view; 400 for a filter they do not take; 404 with sales off', async () => {
    expect((await api(crew, 'GET', '/reports/kpis/invoice-ageing')).statusCode).toBe(403);
    const res = await api(owner, 'GET', `/reports/kpis/transactions?${PERIOD}&source=web`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'querystring.source', message: 'Not a filter of this KPI' },
    ]);
    const list = (await api(noMoney, 'GET', '/reports/kpis'))
      .json()
      .data.map((k: { name: string }) => k.name);
    expect(list).toEqual(['invoice-ageing', 'ar-summary', 'transactions']);
    expect(
      (await api(owner, 'PATCH', '/feature-flags/sales', { enabled: false, version: 0 })).statusCode,
    ).toBe(200);
    expect((await api(owner, 'GET', '/reports/kpis/ar-summary')).statusCode).toBe(404);
    expect(
      (await api(owner, 'PATCH', '/feature-flags/sales', { enabled: true, version: 1 })).statusCode,
    ).toBe(200);
    expect((await api(owner, 'GET', '/reports/kpis/ar-summary')).statusCode).toBe(200);
  });
});
