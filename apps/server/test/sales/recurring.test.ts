import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRecurringInvoices } from '../../src/modules/sales/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { SALES_TABLES } from './sales-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const TABLES = [...SALES_TABLES, 'sales_recurring_invoices'];
const runCount = async () =>
  (await dbRows<{ n: number }>(t, sql`select count(*)::int as n from sales_recurring_runs`))[0]?.n;
const lines = [{ description: 'Maintenance', quantity: 1, unitPriceCents: 10000 }];
const template = (body: object = {}, as = owner) =>
  c.create(as, '/recurring-invoices', {
    name: 'Monthly maintenance',
    customer: { name: 'Customer Ltd', email: 'ap@customer.example' },
    lines,
    unit: 'month',
    every: 1,
    startDate: '2026-01-31',
    ...body,
  });
/** The invoices a template made: period date → invoice (issue date, status, number). */
const invoicesOf = (templateId: string) =>
  dbRows<{ period_date: string; issue_date: string; status: string; number: string | null; total: number }>(
    t,
    sql`select r.period_date::text, d.issue_date::text, d.status, d.number, d.total_cents::int as total
        from sales_recurring_runs r join sales_documents d on d.tenant_id = r.tenant_id and d.id = r.invoice_id
        where r.template_id = ${templateId} order by r.period_index`,
  );
const get = async (id: string) => (await c.api(owner, 'GET', `/recurring-invoices/${id}`)).json().data;

describe('recurring invoice templates', () => {
  it('makes one invoice per period, month ends clamped, issued with gapless numbers; a second run makes nothing', async () => {
    const tpl = await template({ autoIssue: true, dueDays: 10 });
    expect(tpl).toMatchObject({
      status: 'active',
      nextDate: '2026-01-31',
      generatedCount: 0,
      totalCents: 10000,
    });
    await generateRecurringInvoices(t.database, '2026-03-31');
    await generateRecurringInvoices(t.database, '2026-03-31');
    const made = await invoicesOf(tpl.id);
    expect(made.map((m) => [m.period_date, m.issue_date, m.status])).toEqual([
      ['2026-01-31', '2026-01-31', 'issued'],
      ['2026-02-28', '2026-02-28', 'issued'],
      ['2026-03-31', '2026-03-31', 'issued'],
    ]);
    expect(made.map((m) => m.number)).toEqual(['INV-2026-00001', 'INV-2026-00002', 'INV-2026-00003']);
    expect(await get(tpl.id)).toMatchObject({ generatedCount: 3, nextDate: '2026-04-30', status: 'active' });
    const runs = (await c.api(owner, 'GET', `/recurring-invoices/${tpl.id}/runs`)).json().data;
    expect(runs.map((r: { periodDate: string }) => r.periodDate)).toEqual([
      '2026-03-31',
      '2026-02-28',
      '2026-01-31',
    ]);
    const inv = (await c.api(owner, 'GET', `/invoices/${runs[0].invoiceId}`)).json().data;
    expect(inv).toMatchObject({
      dueDate: '2026-04-10',
      totalCents: 10000,
      customer: { name: 'Customer Ltd' },
    });
    expect(await auditActions(t, owner.tenantId, tpl.id)).toContain('recurring_invoice.generated');
  });

  it('two runs at the same time make each period once (template lock + unique period row)', async () => {
    const tpl = await template({ unit: 'week', every: 2, startDate: '2026-01-05' });
    await Promise.all([
      generateRecurringInvoices(t.database, '2026-02-20'),
      generateRecurringInvoices(t.database, '2026-02-20'),
      generateRecurringInvoices(t.database, '2026-02-20'),
    ]);
    const made = await invoicesOf(tpl.id);
    expect(made.map((m) => m.period_date)).toEqual(['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16']);
    expect(made.every((m) => m.status === 'draft')).toBe(true);
    const periods = await dbRows<{ n: number }>(
      t,
      sql`select count(*)::int as n from sales_recurring_runs where template_id = ${tpl.id}`,
    );
    expect(periods[0]?.n).toBe(4);
  });

  it('ends after the count or the end date; an ended template makes nothing, not even run now', async () => {
    const counted = await template({ unit: 'day', every: 10, startDate: '2026-01-01', maxCount: 2 });
    const dated = await template({ unit: 'day', every: 7, startDate: '2026-01-01', endDate: '2026-01-10' });
    await generateRecurringInvoices(t.database, '2026-06-01');
    expect((await invoicesOf(counted.id)).map((m) => m.period_date)).toEqual(['2026-01-01', '2026-01-11']);
    expect((await invoicesOf(dated.id)).map((m) => m.period_date)).toEqual(['2026-01-01', '2026-01-08']);
    for (const id of [counted.id, dated.id]) {
      expect(await get(id)).toMatchObject({ status: 'ended', nextDate: null });
      expect((await c.api(owner, 'POST', `/recurring-invoices/${id}/run`, {})).statusCode).toBe(409);
    }
    // More periods (a later end date) start it again; fewer than made is refused.
    const cur = await get(dated.id);
    const longer = await c.api(owner, 'PATCH', `/recurring-invoices/${dated.id}`, {
      endDate: '2026-01-20',
      version: cur.version,
    });
    expect(longer.json().data).toMatchObject({ status: 'active', nextDate: '2026-01-15' });
    const cnt = await get(counted.id);
    const fewer = await c.api(owner, 'PATCH', `/recurring-invoices/${counted.id}`, {
      maxCount: 1,
      version: cnt.version,
    });
    expect(fewer.statusCode).toBe(400);
  });

  it('a paused template makes nothing until resumed; run now makes the next period and sends it', async () => {
    const tpl = await template({ startDate: '2026-01-15', autoIssue: true, autoSend: true });
    const paused = await c.api(owner, 'POST', `/recurring-invoices/${tpl.id}/pause`, {});
    expect(paused.json().data.status).toBe('paused');
    expect((await c.api(owner, 'POST', `/recurring-invoices/${tpl.id}/pause`, {})).statusCode).toBe(409);
    await generateRecurringInvoices(t.database, '2026-02-20');
    expect(await invoicesOf(tpl.id)).toEqual([]);
    expect((await c.api(owner, 'POST', `/recurring-invoices/${tpl.id}/resume`, {})).json().data.status).toBe(
      'active',
    );
    const run = await c.api(owner, 'POST', `/recurring-invoices/${tpl.id}/run`, {});
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().data).toMatchObject({ periodDate: '2026-01-15', template: { generatedCount: 1 } });
    const inv = (await c.api(owner, 'GET', `/invoices/${run.json().data.invoiceId}`)).json().data;
    expect(inv.status).toBe('sent');
    const mails = await dbRows<{ n: number }>(
      t,
      sql`select count(*)::int as n from mail_outbox where tenant_ref = ${owner.tenantId} and to_address = 'ap@customer.example' and subject like ${`%${inv.number}%`}`,
    );
    expect(mails[0]?.n).toBe(1);
    // Deleting the template keeps the invoices it made.
    expect((await c.api(owner, 'DELETE', `/recurring-invoices/${tpl.id}`)).statusCode).toBe(200);
    expect((await c.api(owner, 'GET', `/recurring-invoices/${tpl.id}`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/invoices/${inv.id}`)).statusCode).toBe(200);
  });

  it('400 for bad input, 404 for ids of another tenant, 403 without the permission; nothing changes', async () => {
    const mine = await template();
    const theirs = await template({}, other);
    const theirCompany = await c.create(other, '/companies', { name: 'Their Co' });
    const agent = await memberWithRole(t, owner.tenantId, { key: 'sales' });
    const before = [
      await c.snapshot(owner.tenantId, TABLES),
      await c.snapshot(other.tenantId, TABLES),
      await runCount(),
    ];
    const base = { name: 'X', lines, unit: 'month', every: 1, startDate: '2026-01-01' };
    for (const body of [
      {},
      { ...base, lines: [] },
      { ...base, every: 0 },
      { ...base, every: 1.5 },
      { ...base, every: '1' },
      { ...base, unit: 'year' },
      { ...base, startDate: '2026-02-30' },
      { ...base, endDate: '2025-12-31' },
      { ...base, maxCount: 0 },
      { ...base, autoSend: true, autoIssue: false },
      { ...base, sendTo: 'not-mail' },
      { ...base, name: 'x'.repeat(201) },
      { ...base, name: 'a\u0000b', status: 'ended' },
      { ...base, generatedCount: 3 },
      { ...base, lines: [{ quantity: 1 }] },
    ])
      expect((await c.api(owner, 'POST', '/recurring-invoices', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    expect(
      (await c.api(owner, 'PATCH', `/recurring-invoices/${mine.id}`, { every: -1, version: 1 })).statusCode,
    ).toBe(400);
    for (const q of ['status=gone', 'sort=amount', 'extra=1'])
      expect((await c.api(owner, 'GET', `/recurring-invoices?${q}`)).statusCode, q).toBe(400);
    for (const [method, url, body] of [
      ['GET', `/recurring-invoices/${theirs.id}`],
      ['PATCH', `/recurring-invoices/${theirs.id}`, { name: 'x', version: 1 }],
      ['DELETE', `/recurring-invoices/${theirs.id}`],
      ['POST', `/recurring-invoices/${theirs.id}/pause`, {}],
      ['POST', `/recurring-invoices/${theirs.id}/run`, {}],
      ['GET', `/recurring-invoices/${theirs.id}/runs`],
      ['POST', '/recurring-invoices', { ...base, companyId: theirCompany.id }],
      ['PATCH', `/recurring-invoices/${mine.id}`, { companyId: theirCompany.id, version: 1 }],
    ] as const)
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    expect((await c.api(agent, 'GET', '/recurring-invoices')).statusCode).toBe(403);
    expect((await c.api(agent, 'POST', `/recurring-invoices/${mine.id}/run`, {})).statusCode).toBe(403);
    expect([
      await c.snapshot(owner.tenantId, TABLES),
      await c.snapshot(other.tenantId, TABLES),
      await runCount(),
    ]).toEqual(before);
  });
});
