import { kpiResultSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

/**
 * The invoice KPI roll-ups (sales_ar_daily, sales_ar_open; ADR 0038) after every change that moves them: after
 * each step the roll-up, summed over its slots, equals the same sums computed from sales_documents and payments,
 * and the KPIs equal the base-table answer. A rolled-back change leaves no trace.
 */

const t = setupApiTest();
const { api, create } = crmApi(t);
let owner: BrowserSession;
let other: BrowserSession;
let agentId: string;

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const LIVE = sql.raw(`status not in ('draft', 'void')`);

const draft = (as: BrowserSession, cents: number, issueDate: string, dueDate?: string, ownerId?: string) =>
  create(as, '/invoices', {
    issueDate,
    ...(dueDate ? { dueDate } : {}),
    ...(ownerId ? { ownerId } : {}),
    customer: { name: `Customer ${cents}` },
    lines: [{ description: 'Work', quantity: 1, unitPriceCents: cents }],
  });
const issued = async (
  as: BrowserSession,
  cents: number,
  issueDate: string,
  dueDate?: string,
  ownerId?: string,
) => {
  const inv = await draft(as, cents, issueDate, dueDate, ownerId);
  const res = await api(as, 'POST', `/invoices/${inv.id}/issue`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { id: string; totalCents: number };
};
const pay = async (as: BrowserSession, id: string, amountCents: number, paidOn: string) => {
  const res = await api(as, 'POST', `/invoices/${id}/payments`, { paidOn, amountCents, method: 'cash' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { id: string };
};

/** Day sums per owner and currency: from the roll-up (slots summed) and from the base tables. */
const dailyRolled = (tenantId: string) =>
  dbRows(
    t,
    sql`
    select day::text, owner_id, currency, sum(invoices)::int as invoices, sum(invoiced_cents)::text as invoiced,
      sum(payments)::int as payments, sum(paid_cents)::text as paid, sum(credit_notes)::int as notes,
      sum(credited_cents)::text as credited
    from sales_ar_daily where tenant_id = ${tenantId} group by 1, 2, 3
    having sum(invoices) <> 0 or sum(invoiced_cents) <> 0 or sum(payments) <> 0 or sum(paid_cents) <> 0
      or sum(credit_notes) <> 0 or sum(credited_cents) <> 0
    order by 1, 2, 3`,
  );
const dailyBase = (tenantId: string) =>
  dbRows(
    t,
    sql`
    select day::text, owner_id, currency, sum(invoices)::int as invoices, sum(invoiced)::text as invoiced,
      sum(payments)::int as payments, sum(paid)::text as paid, sum(notes)::int as notes, sum(credited)::text as credited
    from (
      select issue_date as day, owner_id, currency, (kind = 'invoice')::int as invoices,
        case when kind = 'invoice' then total_cents else 0 end as invoiced, 0 as payments, 0 as paid,
        (kind = 'credit_note')::int as notes, case when kind = 'credit_note' then total_cents else 0 end as credited
      from sales_documents where tenant_id = ${tenantId} and kind in ('invoice', 'credit_note') and ${LIVE}
      union all
      select p.paid_on, d.owner_id, d.currency, 0, 0, 1, p.amount_cents, 0, 0
      from payments p join sales_documents d on d.tenant_id = p.tenant_id and d.id = p.invoice_id
      where p.tenant_id = ${tenantId} and d.kind = 'invoice' and d.${LIVE}) f
    group by 1, 2, 3 order by 1, 2, 3`,
  );
const openRolled = (tenantId: string) =>
  dbRows(
    t,
    sql`
    select due_on::text, issue_date::text, owner_id, sum(invoices)::int as invoices, sum(balance_cents)::text as balance
    from sales_ar_open where tenant_id = ${tenantId} group by 1, 2, 3
    having sum(invoices) <> 0 or sum(balance_cents) <> 0 order by 1, 2, 3`,
  );
const openBase = (tenantId: string) =>
  dbRows(
    t,
    sql`
    select coalesce(due_date, issue_date)::text as due_on, issue_date::text, owner_id, count(*)::int as invoices,
      sum(balance_cents)::text as balance
    from sales_documents where tenant_id = ${tenantId} and kind = 'invoice' and ${LIVE} and balance_cents > 0
    group by 1, 2, 3 order by 1, 2, 3`,
  );

const kpi = async (as: BrowserSession, name: string) => {
  const res = await api(
    as,
    'GET',
    `/reports/kpis/${name}?from=${PERIOD.from}&to=${PERIOD.to}&grouping=month`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return kpiResultSchema.parse(res.json().data);
};

/** The KPI totals as the base tables give them (the queries the KPIs ran before the roll-ups). */
const baseTotals = async (tenantId: string) => {
  const [r] = await dbRows<Record<string, string>>(
    t,
    sql`
    select
      (select count(*) from sales_documents where tenant_id = ${tenantId} and kind = 'invoice' and ${LIVE}
        and issue_date between ${PERIOD.from} and ${PERIOD.to}) as invoices,
      (select coalesce(sum(total_cents), 0) from sales_documents where tenant_id = ${tenantId} and kind = 'invoice'
        and ${LIVE} and issue_date <= ${PERIOD.to}) as invoiced_all,
      (select count(*) || '/' || coalesce(sum(p.amount_cents), 0) from payments p join sales_documents d
        on d.tenant_id = p.tenant_id and d.id = p.invoice_id and d.kind = 'invoice' and d.${LIVE}
        where p.tenant_id = ${tenantId} and p.paid_on between ${PERIOD.from} and ${PERIOD.to}) as paid,
      (select count(*) || '/' || coalesce(sum(total_cents), 0) from sales_documents where tenant_id = ${tenantId}
        and kind = 'credit_note' and ${LIVE} and issue_date between ${PERIOD.from} and ${PERIOD.to}) as credited,
      (select count(*) || '/' || coalesce(sum(balance_cents), 0) from sales_documents where tenant_id = ${tenantId}
        and kind = 'invoice' and ${LIVE} and balance_cents > 0 and issue_date <= ${PERIOD.to}) as open`,
  );
  return r as Record<string, string>;
};

const expectConsistent = async (as: BrowserSession) => {
  expect(await dailyRolled(as.tenantId)).toEqual(await dailyBase(as.tenantId));
  expect(await openRolled(as.tenantId)).toEqual(await openBase(as.tenantId));
  const base = await baseTotals(as.tenantId);
  const [payments, paid] = (base.paid as string).split('/').map(Number);
  const [notes, credited] = (base.credited as string).split('/').map(Number);
  const ar = await kpi(as, 'ar-summary');
  expect(ar.totals).toMatchObject({
    invoices: Number(base.invoices),
    paidCents: paid,
    creditedCents: credited,
    // All data lies in the period: open at its end = everything invoiced − paid − credited.
    openCents: Number(base.invoiced_all) - (paid ?? 0) - (credited ?? 0),
  });
  const ageing = await kpi(as, 'invoice-ageing');
  expect(`${ageing.totals.invoices}/${ageing.totals.balanceCents}`).toBe(base.open);
  const tx = await kpi(as, 'transactions');
  expect(tx.totals).toMatchObject({
    type: `${(payments ?? 0) + (notes ?? 0)} transactions`,
    inCents: paid,
    outCents: credited,
  });
  expect(tx.rows).toHaveLength((payments ?? 0) + (notes ?? 0));
};

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Rollup Owner' });
  other = await signUp(t.app, { name: 'Rollup Neighbour' });
  agentId = (await addMember(t.app, t.database, owner, 'sales')).userId;
});

describe('invoice KPI roll-ups follow every change in the same transaction', () => {
  let a: { id: string; totalCents: number };
  let b: { id: string; totalCents: number };

  it('a draft counts nowhere; issuing counts it at once', async () => {
    const d = await draft(owner, 12_000, '2026-03-01', '2026-03-31');
    expect(await dailyRolled(owner.tenantId)).toEqual([]);
    expect(await openRolled(owner.tenantId)).toEqual([]);
    expect((await api(owner, 'POST', `/invoices/${d.id}/issue`, {})).statusCode).toBe(200);
    a = { id: d.id, totalCents: 12_000 };
    b = await issued(owner, 30_000, '2026-03-05', undefined, agentId);
    expect((await kpi(owner, 'ar-summary')).totals).toMatchObject({ invoices: 2, invoicedCents: 42_000 });
    await expectConsistent(owner);
  });

  it('partial and full payments', async () => {
    await pay(owner, a.id, 5_000, '2026-03-10');
    await expectConsistent(owner);
    await pay(owner, a.id, 7_000, '2026-04-02');
    await expectConsistent(owner);
    expect((await kpi(owner, 'invoice-ageing')).totals).toMatchObject({ invoices: 1, balanceCents: 30_000 });
  });

  it('deleting a payment reopens its amount', async () => {
    const p = await pay(owner, b.id, 1_000, '2026-04-03');
    await expectConsistent(owner);
    expect((await api(owner, 'DELETE', `/payments/${p.id}`)).statusCode).toBe(200);
    await expectConsistent(owner);
  });

  it('a credit note counts as credited and closes the invoice', async () => {
    const res = await api(owner, 'POST', `/invoices/${b.id}/credit-notes`, { issueDate: '2026-04-10' });
    expect(res.statusCode, res.body).toBe(201);
    await expectConsistent(owner);
    expect((await kpi(owner, 'invoice-ageing')).totals).toMatchObject({ invoices: 0, balanceCents: 0 });
  });

  it('voiding an invoice takes it out; deleting a draft changes nothing', async () => {
    const c = await issued(owner, 9_000, '2026-05-01', '2026-05-15');
    await expectConsistent(owner);
    expect((await api(owner, 'POST', `/invoices/${c.id}/void`, {})).statusCode).toBe(200);
    await expectConsistent(owner);
    const d = await draft(owner, 4_000, '2026-05-02');
    expect((await api(owner, 'DELETE', `/invoices/${d.id}`)).statusCode).toBe(200);
    await expectConsistent(owner);
  });

  it('a new owner (or none) takes the invoice with its payments', async () => {
    const e = await issued(owner, 20_000, '2026-06-01', '2026-06-30');
    await pay(owner, e.id, 8_000, '2026-06-05');
    await t.database.db.execute(sql`update sales_documents set owner_id = ${agentId} where id = ${e.id}`);
    await expectConsistent(owner);
    await t.database.db.execute(sql`update sales_documents set owner_id = null where id = ${e.id}`);
    await expectConsistent(owner);
  });

  it('a rolled-back change leaves no trace', async () => {
    const before = [await dailyRolled(owner.tenantId), await openRolled(owner.tenantId)];
    const f = await issued(owner, 6_000, '2026-07-01', '2026-07-31');
    const mid = [await dailyRolled(owner.tenantId), await openRolled(owner.tenantId)];
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into payments (id, tenant_id, invoice_id, paid_on, amount_cents, method)
          values (gen_random_uuid(), ${owner.tenantId}, ${f.id}, '2026-07-02', 6000, 'cash')`);
        await tx.execute(
          sql`update sales_documents set paid_cents = 6000, status = 'paid' where id = ${f.id}`,
        );
        await tx.execute(sql`update sales_documents set status = 'void' where id = ${f.id}`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect([await dailyRolled(owner.tenantId), await openRolled(owner.tenantId)]).toEqual(mid);
    expect(mid).not.toEqual(before);
    // A refused payment (more than the balance) changes nothing either.
    const res = await api(owner, 'POST', `/invoices/${f.id}/payments`, {
      paidOn: '2026-07-02',
      amountCents: 6_001,
      method: 'cash',
    });
    expect(res.statusCode).toBe(409);
    expect([await dailyRolled(owner.tenantId), await openRolled(owner.tenantId)]).toEqual(mid);
    await expectConsistent(owner);
  });

  it('concurrent payments of many invoices on one day sum right', async () => {
    const invoices = await Promise.all(
      Array.from({ length: 6 }, (_, i) => issued(owner, 10_000 + i, '2026-08-01', '2026-08-31')),
    );
    const results = await Promise.all(
      invoices.flatMap((inv) => [
        api(owner, 'POST', `/invoices/${inv.id}/payments`, {
          paidOn: '2026-08-10',
          amountCents: 3_000,
          method: 'cash',
        }),
        api(owner, 'POST', `/invoices/${inv.id}/payments`, {
          paidOn: '2026-08-10',
          amountCents: 4_000,
          method: 'cash',
        }),
      ]),
    );
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    await expectConsistent(owner);
    const [aug] = (await kpi(owner, 'ar-summary')).rows.filter((r) => r.period === '2026-08-01');
    expect(aug).toMatchObject({ invoices: 6, paidCents: 12 * 3_500 });
  });

  it('another tenant’s changes never reach this tenant’s roll-up', async () => {
    const before = await dailyRolled(owner.tenantId);
    const theirs = await issued(other, 50_000, '2026-03-01');
    await pay(other, theirs.id, 1_000, '2026-03-02');
    expect(await dailyRolled(owner.tenantId)).toEqual(before);
    await expectConsistent(other);
  });

  it('deleting a tenant takes its roll-up rows with it (the cascaded deletes skip the triggers)', async () => {
    await t.database.db.execute(sql`delete from tenants where id = ${other.tenantId}`);
    const left = await dbRows(
      t,
      sql`
      select (select count(*) from sales_ar_daily where tenant_id = ${other.tenantId})::int
        + (select count(*) from sales_ar_open where tenant_id = ${other.tenantId})::int as n`,
    );
    expect(left).toEqual([{ n: 0 }]);
    await expectConsistent(owner);
  });
});
