import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { failure, workApi } from './work-fixtures.ts';

// Billable time → a draft invoice through the sales module (POST projects/:id/invoice-time), invoiced once.

let owner: BrowserSession;
let manager: BrowserSession;
let crew: BrowserSession;
let crew2: BrowserSession;
let sales: BrowserSession;
let other: BrowserSession;
let company: { id: string };
let project: { id: string };
let task: { id: string };
const t = setupApiTest();
const w = workApi(t);
const TABLES = ['time_entries', 'sales_documents', 'sales_document_lines'];
const url = () => `/projects/${project.id}/invoice-time`;

/** A member's week booked, submitted and approved by the owner (or left submitted). */
const bookWeek = async (as: BrowserSession, monday: string, rows: object[], approve = true) => {
  const saved = await w.saveWeek(as, 'me', monday, rows);
  if (saved.statusCode !== 200) throw new Error(saved.body);
  const week = (await w.api(as, 'POST', `${w.weekUrl('me', monday)}/submit`)).json().data;
  if (!approve) return week;
  const res = await w.api(owner, 'POST', `${w.weekUrl(as.userId, monday)}/approve`, {
    version: week.version,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data;
};
const invoicedRefs = (ids?: string[]) =>
  dbRows<{ id: string; invoice_ref: string | null }>(
    t,
    sql`select id, invoice_ref from time_entries where tenant_id = ${owner.tenantId}
        ${ids ? sql`and invoice_ref is not null` : sql``} order by work_date, id`,
  );

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  manager = await addMember(t.app, t.database, owner, 'manager', 'Manny');
  crew = await addMember(t.app, t.database, owner, 'crew', 'Carla');
  crew2 = await addMember(t.app, t.database, owner, 'crew', 'Cole');
  sales = await addMember(t.app, t.database, owner, 'sales', 'Sal');
  company = await w.create(owner, '/companies', { name: 'Harbour Clinic' });
  project = await w.create(owner, '/projects', {
    name: 'Clinic wiring',
    code: 'CW',
    companyId: company.id,
    managerId: manager.userId,
    defaultRateCents: 5000,
    currency: 'EUR',
  });
  // Carla bills at 90.00 through her assignment; Cole at the project's default 50.00.
  await w.create(owner, '/assignments', {
    projectId: project.id,
    userId: crew.userId,
    role: 'Electrician',
    allocationPercent: 50,
    startDate: '2031-05-01',
    endDate: '2031-06-30',
    rateCents: 9000,
  });
  task = await w.create(owner, '/tasks', {
    title: 'Pull cables',
    assigneeId: crew.userId,
    related: { type: 'project', id: project.id },
  });
  const p = project.id;
  await bookWeek(crew, '2031-05-05', [
    { projectId: p, taskId: task.id, hours: [8, 8, 0, 0, 0, 0, 0] },
    { projectId: p, hours: [0, 0, 4, 0, 0, 0, 0] },
    { projectId: p, billable: false, hours: [0, 0, 0, 2, 0, 0, 0] },
  ]);
  await bookWeek(crew2, '2031-05-05', [{ projectId: p, hours: [2.5, 0, 0, 0, 0, 0, 0] }]);
  // Submitted, not approved: never invoiced.
  await bookWeek(crew2, '2031-05-12', [{ projectId: p, hours: [6, 0, 0, 0, 0, 0, 0] }], false);
});

describe('invoice billable time', () => {
  it('previews, then makes one draft invoice for the client at the rates and marks the entries invoiced', async () => {
    const preview = await w.api(owner, 'GET', url());
    expect(preview.statusCode).toBe(200);
    expect(preview.json().data).toMatchObject({
      projectId: project.id,
      companyId: company.id,
      currency: 'EUR',
      groupBy: 'member_task',
      hours: 22.5,
      entries: 4,
      // 16 h × 90 + 4 h × 90 + 2.5 h × 50
      amountCents: 144_000 + 36_000 + 12_500,
      lines: [
        { description: 'Clinic wiring: Carla', userId: crew.userId, taskId: null, hours: 4, rateCents: 9000 },
        {
          description: 'Clinic wiring: Carla – Pull cables',
          taskId: task.id,
          hours: 16,
          entries: 2,
          amountCents: 144_000,
        },
        { description: 'Clinic wiring: Cole', userId: crew2.userId, hours: 2.5, rateCents: 5000 },
      ],
    });
    const byRate = (await w.api(owner, 'GET', `${url()}?groupBy=rate`)).json().data;
    expect(byRate.lines).toMatchObject([
      { description: 'Clinic wiring: time at 50.00 EUR/h', userId: null, hours: 2.5, amountCents: 12_500 },
      { description: 'Clinic wiring: time at 90.00 EUR/h', hours: 20, amountCents: 180_000 },
    ]);
    // A period: only Tuesday 6 May.
    const tuesday = (await w.api(owner, 'GET', `${url()}?from=2031-05-06&to=2031-05-06`)).json().data;
    expect(tuesday).toMatchObject({ hours: 8, entries: 1, from: '2031-05-06', to: '2031-05-06' });

    const res = await w.api(owner, 'POST', url(), { to: '2031-05-09' }, { 'idempotency-key': 'invoice-may' });
    expect(res.statusCode).toBe(201);
    const made = res.json().data;
    expect(made).toMatchObject({ hours: 22.5, entries: 4, amountCents: 192_500 });
    const invoice = (await w.api(owner, 'GET', `/invoices/${made.invoiceId}`)).json().data;
    expect(invoice).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      number: null,
      companyId: company.id,
      customer: { name: 'Harbour Clinic' },
      currency: 'EUR',
      netCents: 192_500,
    });
    expect(invoice.totalCents).toBe(invoice.netCents + invoice.taxCents);
    expect(
      invoice.lines.map(
        (l: { description: string; quantity: string; unitPriceCents: number; unit: string }) => [
          l.description,
          l.quantity,
          l.unitPriceCents,
          l.unit,
        ],
      ),
    ).toEqual([
      ['Clinic wiring: Carla', '4', 9000, 'h'],
      ['Clinic wiring: Carla – Pull cables', '16', 9000, 'h'],
      ['Clinic wiring: Cole', '2.5', 5000, 'h'],
    ]);
    const marked = await invoicedRefs([]);
    expect(marked).toHaveLength(4);
    expect(new Set(marked.map((r) => r.invoice_ref))).toEqual(new Set([made.invoiceId]));
    expect(await auditActions(t, owner.tenantId, project.id)).toContain('project.time_invoiced');

    // The same key replays the answer; nothing new is made.
    const before = await w.snapshot(owner.tenantId, TABLES);
    const replay = await w.api(
      owner,
      'POST',
      url(),
      { to: '2031-05-09' },
      { 'idempotency-key': 'invoice-may' },
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.json().data.invoiceId).toBe(made.invoiceId);
    // A second call finds nothing left: 409, nothing changed; the preview is empty.
    const again = await w.api(owner, 'POST', url(), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/Nothing to invoice/);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await w.api(owner, 'GET', url())).json().data).toMatchObject({ lines: [], hours: 0, entries: 0 });
    // The marks are final in the database too.
    expect(
      await failure(
        dbRows(t, sql`update time_entries set invoice_ref = 'AGAIN' where id = ${marked[0]?.id}`),
      ),
    ).toMatch(/time_entries_invoiced_once/);
  });

  it('concurrent calls invoice the time once: one draft, the other a 409', async () => {
    await bookWeek(crew, '2031-05-19', [{ projectId: project.id, hours: [3, 3, 0, 0, 0, 0, 0] }]);
    const invoices = async () =>
      (
        await dbRows<{ n: number }>(
          t,
          sql`select count(*)::int as n from sales_documents where tenant_id = ${owner.tenantId}`,
        )
      )[0]?.n;
    const count = await invoices();
    const results = await Promise.all([
      w.api(owner, 'POST', url(), {}),
      w.api(owner, 'POST', url(), { to: '2031-12-31' }),
      w.api(owner, 'POST', url(), { groupBy: 'rate' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await invoices()).toBe((count ?? 0) + 1);
    const made = results.find((r) => r.statusCode === 201)?.json().data;
    expect(made).toMatchObject({ hours: 6, entries: 2, amountCents: 54_000 });
    const refs = await dbRows<{ invoice_ref: string }>(
      t,
      sql`select invoice_ref from time_entries where tenant_id = ${owner.tenantId} and work_date >= '2031-05-19'`,
    );
    expect(refs.map((r) => r.invoice_ref)).toEqual([made.invoiceId, made.invoiceId]);
  });

  it('refuses other tenants, callers without invoices.manage, projects without a client and bad input; nothing changes', async () => {
    const bare = await w.create(owner, '/projects', { name: 'No client', code: 'NC' });
    await bookWeek(crew2, '2031-06-02', [{ projectId: bare.id, hours: [1, 0, 0, 0, 0, 0, 0] }]);
    const before = await w.snapshot(owner.tenantId, TABLES);
    const post = (as: BrowserSession, path: string, body?: object) => w.api(as, 'POST', path, body);
    const noClient = await post(owner, `/projects/${bare.id}/invoice-time`, {});
    expect(noClient.statusCode).toBe(409);
    expect(noClient.json().error.message).toMatch(/no client company/);
    expect((await post(other, url(), {})).statusCode).toBe(404);
    expect((await w.api(other, 'GET', url())).statusCode).toBe(404);
    expect((await post(owner, `/projects/${MISSING_ID}/invoice-time`, {})).statusCode).toBe(404);
    expect((await post(crew, url(), {})).statusCode).toBe(403);
    expect((await post(sales, url(), {})).statusCode).toBe(403);
    expect((await w.api(crew, 'GET', url())).statusCode).toBe(403);
    for (const body of [
      { from: '2031-05-09', to: '2031-05-01' },
      { from: 'yesterday' },
      { from: 20310501 },
      { groupBy: 'member' },
      { groupBy: 'rate', extra: 1 },
      { to: '2031-05-01\u0000' },
      { from: `${'9'.repeat(5000)}` },
      [],
    ]) {
      const res = await post(owner, url(), body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    for (const query of ['from=2031-05-09&to=2031-05-01', 'groupBy=x', 'extra=1', 'from=%00']) {
      expect((await w.api(owner, 'GET', `${url()}?${query}`)).statusCode, query).toBe(400);
    }
    expect((await post(owner, '/projects/not-a-uuid/invoice-time', {})).statusCode).toBe(400);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // The other tenant's tables are untouched too.
    expect(await w.rows('sales_documents', other.tenantId)).toEqual([]);
  });
});

describe('invoice a fixed-price milestone', () => {
  const MILESTONE_TABLES = ['project_milestones', 'sales_documents', 'sales_document_lines'];
  const invoiceUrl = (m: { id: string }, p = project) => `/projects/${p.id}/milestones/${m.id}/invoice`;
  const milestone = (body: object, p = project) =>
    w.create(owner, '/milestones', { projectId: p.id, name: 'Panels fitted', ...body });

  it('makes one draft invoice with the amount for the client and sets the milestone billed; concurrently once', async () => {
    const m = await milestone({ amountCents: 250_000, status: 'reached' });
    const results = await Promise.all([1, 2, 3].map(() => w.api(owner, 'POST', invoiceUrl(m))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const made = results.find((r) => r.statusCode === 201)?.json().data;
    expect(made.milestone).toMatchObject({ id: m.id, status: 'billed', version: 2 });
    const invoice = (await w.api(owner, 'GET', `/invoices/${made.invoiceId}`)).json().data;
    expect(invoice).toMatchObject({ status: 'draft', companyId: company.id, currency: 'EUR' });
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({
      description: 'Clinic wiring: Panels fitted',
      quantity: '1',
      unitPriceCents: 250_000,
    });
    const drafts = await dbRows(
      t,
      sql`select id from sales_documents where tenant_id = ${owner.tenantId} and notes like 'Milestone of project%'`,
    );
    expect(drafts).toHaveLength(1);
    expect(await auditActions(t, owner.tenantId, m.id)).toContain('milestone.invoiced');
    // Billed stays billed: again is a 409 and changes nothing.
    const before = await w.snapshot(owner.tenantId, MILESTONE_TABLES);
    const again = await w.api(owner, 'POST', invoiceUrl(m));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/billed already/);
    expect(await w.snapshot(owner.tenantId, MILESTONE_TABLES)).toEqual(before);
  });

  it('409 when not reached, without an amount or a client; 404/403/400 for others and bad ids; nothing changes', async () => {
    const open = await milestone({ amountCents: 1000 });
    const noAmount = await milestone({ status: 'reached' });
    const bare = await w.create(owner, '/projects', { name: 'No client either', code: 'NC2' });
    const noClient = await milestone({ amountCents: 1000, status: 'reached' }, bare);
    const ready = await milestone({ amountCents: 5000, status: 'reached' });
    const before = await w.snapshot(owner.tenantId, MILESTONE_TABLES);
    for (const [m, p, pattern] of [
      [open, project, /reached milestone/],
      [noAmount, project, /no amount/],
      [noClient, bare, /no client company/],
    ] as const) {
      const res = await w.api(owner, 'POST', invoiceUrl(m, p));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(pattern);
    }
    expect((await w.api(owner, 'POST', invoiceUrl(ready, bare))).statusCode).toBe(404);
    expect((await w.api(other, 'POST', invoiceUrl(ready))).statusCode).toBe(404);
    expect((await w.api(owner, 'POST', invoiceUrl({ id: MISSING_ID }))).statusCode).toBe(404);
    expect((await w.api(crew, 'POST', invoiceUrl(ready))).statusCode).toBe(403);
    expect((await w.api(sales, 'POST', invoiceUrl(ready))).statusCode).toBe(403);
    expect((await w.api(owner, 'POST', invoiceUrl({ id: 'not-a-uuid' }))).statusCode).toBe(400);
    expect((await w.api(owner, 'POST', invoiceUrl(ready), { extra: 1 })).statusCode).toBe(400);
    expect(await w.snapshot(owner.tenantId, MILESTONE_TABLES)).toEqual(before);
    expect(await w.rows('sales_documents', other.tenantId)).toEqual([]);
  });
});
