import { and, eq, type SQL, sql } from 'drizzle-orm';
import * as kit from '../../../platform/records/index.ts';
import { type KpiDef, type KpiRun, num, registerKpi, rowsOf } from '../../reporting/index.ts';
import { DOCUMENT_DEFS } from '../documents/document-record.ts';
import { salesDocuments as docs } from '../documents/documents.tables.ts';
import { payments } from '../payments/payments.tables.ts';

const INVOICES = '/invoices';

/** Documents of one kind in the caller's scope, with the owner/team filters; drafts and voided ones never count. */
const liveDocs = (run: KpiRun, kind: 'invoice' | 'credit_note'): SQL =>
  and(
    eq(docs.tenantId, run.ctx.tenantId),
    eq(docs.kind, kind),
    sql`${docs.status} not in ('draft', 'void')`,
    kit.scopeWhere(run.ctx, DOCUMENT_DEFS[kind]),
    run.ownerFilter(docs.ownerId),
  ) as SQL;

/** Payments of invoices the caller may see (the invoice's scope and owner apply). */
const paymentsJoin = (run: KpiRun) =>
  sql`${payments} join ${docs} on ${docs.tenantId} = ${payments.tenantId} and ${docs.id} = ${payments.invoiceId}
      and ${liveDocs(run, 'invoice')}`;

export const AGEING_BUCKETS = ['0–30', '31–60', '61–90', '90+'] as const;

/**
 * Open invoice balances now, aged at the period's end (`to`, default today): days past the due date (the issue
 * date when there is none); an invoice not yet due is in the first bucket.
 */
const invoiceAgeing: KpiDef = {
  name: 'invoice-ageing',
  title: 'Invoice ageing',
  description:
    'Open balances of issued invoices by days past due at the end of the period: 0–30, 31–60, 61–90, 90+.',
  permission: 'invoices.view',
  feature: 'sales',
  filters: ['ownerId', 'teamId'],
  period: 'end',
  columns: [
    { key: 'bucket', label: 'Days past due', kind: 'text' },
    { key: 'invoices', label: 'Invoices', kind: 'number' },
    { key: 'balanceCents', label: 'Open balance', kind: 'money' },
  ],
  drillDown: () => INVOICES,
  async compute(run) {
    const found = await rowsOf<{ b: number; invoices: number; balance: string }>(
      run.tx,
      sql`with o as (
            select greatest(0, ${run.query.to}::date - coalesce(${docs.dueDate}, ${docs.issueDate})) as age,
              ${docs.balanceCents} as balance
            from ${docs}
            where ${liveDocs(run, 'invoice')} and ${docs.balanceCents} > 0 and ${docs.issueDate} <= ${run.query.to}::date)
          select case when age <= 30 then 0 when age <= 60 then 1 when age <= 90 then 2 else 3 end as b,
            count(*)::int as invoices, sum(balance)::bigint as balance
          from o group by 1`,
    );
    const rows = AGEING_BUCKETS.map((bucket, i) => {
      const r = found.find((f) => num(f.b) === i);
      return { bucket, invoices: r?.invoices ?? 0, balanceCents: num(r?.balance) };
    });
    return {
      rows,
      totals: {
        bucket: null,
        invoices: rows.reduce((a, r) => a + r.invoices, 0),
        balanceCents: rows.reduce((a, r) => a + r.balanceCents, 0),
      },
    };
  },
};

/**
 * Accounts receivable per bucket: invoiced (issued invoices by issue date), paid (payments by payment date),
 * credited (issued credit notes by issue date) and open at the bucket's end (everything before it included).
 */
const arSummary: KpiDef = {
  name: 'ar-summary',
  title: 'Accounts receivable by month',
  description:
    'Invoiced, paid and credited per period, and the open balance at the end of each period (grouping: day, week or month).',
  permission: 'invoices.view',
  feature: 'sales',
  filters: ['ownerId', 'teamId'],
  grouped: true,
  columns: [
    { key: 'period', label: 'Period', kind: 'date' },
    { key: 'invoices', label: 'Invoices', kind: 'number' },
    { key: 'invoicedCents', label: 'Invoiced', kind: 'money' },
    { key: 'paidCents', label: 'Paid', kind: 'money' },
    { key: 'creditedCents', label: 'Credited', kind: 'money' },
    { key: 'openCents', label: 'Open at end', kind: 'money' },
  ],
  drillDown: () => INVOICES,
  async compute(run) {
    const from = sql`${run.query.from}::date`;
    const rows = await rowsOf<{
      period: string;
      invoices: number;
      invoiced: string;
      paid: string;
      credited: string;
    }>(
      run.tx,
      sql`with b as (${run.buckets()}),
          i as (select ${run.dateBucket(docs.issueDate)} as bucket, count(*)::int as n, sum(${docs.totalCents}) as amount
                from ${docs} where ${liveDocs(run, 'invoice')} and ${run.inDates(docs.issueDate)} group by 1),
          p as (select ${run.dateBucket(payments.paidOn)} as bucket, sum(${payments.amountCents}) as amount
                from ${paymentsJoin(run)} where ${run.inDates(payments.paidOn)} group by 1),
          c as (select ${run.dateBucket(docs.issueDate)} as bucket, sum(${docs.totalCents}) as amount
                from ${docs} where ${liveDocs(run, 'credit_note')} and ${run.inDates(docs.issueDate)} group by 1)
          select b.bucket as period, coalesce(i.n, 0)::int as invoices, coalesce(i.amount, 0)::bigint as invoiced,
            coalesce(p.amount, 0)::bigint as paid, coalesce(c.amount, 0)::bigint as credited
          from b left join i on i.bucket = b.bucket left join p on p.bucket = b.bucket left join c on c.bucket = b.bucket
          order by b.bucket`,
    );
    const [opening] = await rowsOf<{ open: string }>(
      run.tx,
      sql`select
            (select coalesce(sum(${docs.totalCents}), 0) from ${docs} where ${liveDocs(run, 'invoice')} and ${docs.issueDate} < ${from})
          - (select coalesce(sum(${payments.amountCents}), 0) from ${paymentsJoin(run)} where ${payments.paidOn} < ${from})
          - (select coalesce(sum(${docs.totalCents}), 0) from ${docs} where ${liveDocs(run, 'credit_note')} and ${docs.issueDate} < ${from})
          as open`,
    );
    let open = num(opening?.open);
    const out = rows.map((r) => {
      open += num(r.invoiced) - num(r.paid) - num(r.credited);
      return {
        period: r.period,
        invoices: r.invoices,
        invoicedCents: num(r.invoiced),
        paidCents: num(r.paid),
        creditedCents: num(r.credited),
        openCents: open,
      };
    });
    const sum = (k: 'invoices' | 'invoicedCents' | 'paidCents' | 'creditedCents') =>
      out.reduce((a, r) => a + r[k], 0);
    return {
      rows: out,
      totals: {
        period: null,
        invoices: sum('invoices'),
        invoicedCents: sum('invoicedCents'),
        paidCents: sum('paidCents'),
        creditedCents: sum('creditedCents'),
        openCents: open,
      },
    };
  },
};

/** At most this many transactions are listed (the newest); the totals cover the whole period. */
export const TRANSACTIONS_LIMIT = 1000;

/** Money in (payments received) and out (issued credit notes) in the period, newest first. */
const transactions: KpiDef = {
  name: 'transactions',
  title: 'Transactions',
  description: `Payments received (in) and credit notes issued (out) in the period, newest first (at most ${TRANSACTIONS_LIMIT}; totals cover all).`,
  permission: 'invoices.view',
  feature: 'sales',
  filters: ['ownerId', 'teamId'],
  columns: [
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'type', label: 'Type', kind: 'text' },
    { key: 'number', label: 'Number', kind: 'text' },
    { key: 'customer', label: 'Customer', kind: 'text' },
    { key: 'method', label: 'Method', kind: 'text' },
    { key: 'inCents', label: 'In', kind: 'money' },
    { key: 'outCents', label: 'Out', kind: 'money' },
  ],
  drillDown: () => INVOICES,
  async compute(run) {
    const rows = await rowsOf<{
      date: string;
      type: string;
      number: string | null;
      customer: string | null;
      method: string | null;
      in_cents: string | null;
      out_cents: string | null;
      total_in: string;
      total_out: string;
      n: number;
    }>(
      run.tx,
      sql`with t as (
            select ${payments.paidOn} as day, 'payment' as type, ${docs.number} as number, ${docs.customerName} as customer,
              ${payments.method} as method, ${payments.amountCents}::bigint as in_cents, null::bigint as out_cents,
              ${payments.createdAt} as at, ${payments.id} as id
            from ${paymentsJoin(run)} where ${run.inDates(payments.paidOn)}
            union all
            select ${docs.issueDate}, 'credit note', ${docs.number}, ${docs.customerName}, null, null, ${docs.totalCents}::bigint,
              ${docs.createdAt}, ${docs.id}
            from ${docs} where ${liveDocs(run, 'credit_note')} and ${run.inDates(docs.issueDate)})
          select to_char(day, 'YYYY-MM-DD') as date, type, number, customer, method, in_cents, out_cents,
            coalesce(sum(in_cents) over (), 0) as total_in, coalesce(sum(out_cents) over (), 0) as total_out,
            (count(*) over ())::int as n
          from t order by day desc, at desc, id desc limit ${TRANSACTIONS_LIMIT}`,
    );
    const first = rows[0];
    return {
      rows: rows.map((r) => ({
        date: r.date,
        type: r.type,
        number: r.number,
        customer: r.customer,
        method: r.method,
        inCents: r.in_cents === null ? null : num(r.in_cents),
        outCents: r.out_cents === null ? null : num(r.out_cents),
      })),
      totals: {
        date: null,
        type: first ? `${first.n} transactions` : '0 transactions',
        number: null,
        customer: null,
        method: null,
        inCents: num(first?.total_in),
        outCents: num(first?.total_out),
      },
    };
  },
};

/** The sales module's KPIs, registered with the reporting module (from registrations.ts). */
export const registerSalesKpis = () => {
  for (const def of [invoiceAgeing, arSummary, transactions]) registerKpi(def);
};
