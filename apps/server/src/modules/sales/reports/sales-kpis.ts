import { sql } from 'drizzle-orm';
import { type KpiDef, num, registerKpi, rowsOf } from '../../reporting/index.ts';
import { salesArDaily as daily, salesArOpen as open } from './ar-rollup.tables.ts';
import { INVOICES, inRollupScope } from './kpi-sql.ts';
import { transactions } from './transactions-kpi.ts';

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
  // Open invoices from the roll-up sales_ar_open (live invoices with a balance, by due and issue date).
  async compute(run) {
    const found = await rowsOf<{ b: number; invoices: number; balance: string }>(
      run.tx,
      sql`with o as (
            select greatest(0, ${run.query.to}::date - ${open.dueOn}) as age, ${open.invoices} as n,
              ${open.balanceCents} as balance
            from ${open}
            where ${inRollupScope(run, open)} and ${open.issueDate} <= ${run.query.to}::date)
          select case when age <= 30 then 0 when age <= 60 then 1 when age <= 90 then 2 else 3 end as b,
            sum(n)::int as invoices, sum(balance)::bigint as balance
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
  // Day sums from the roll-up sales_ar_daily: issued invoices and credit notes by issue date, payments by date.
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
          f as (select ${run.dateBucket(daily.day)} as bucket, sum(${daily.invoices}) as n,
                  sum(${daily.invoicedCents}) as invoiced, sum(${daily.paidCents}) as paid,
                  sum(${daily.creditedCents}) as credited
                from ${daily} where ${inRollupScope(run, daily)} and ${run.inDates(daily.day)} group by 1)
          select b.bucket as period, coalesce(f.n, 0)::int as invoices, coalesce(f.invoiced, 0)::bigint as invoiced,
            coalesce(f.paid, 0)::bigint as paid, coalesce(f.credited, 0)::bigint as credited
          from b left join f on f.bucket = b.bucket
          order by b.bucket`,
    );
    const [opening] = await rowsOf<{ open: string }>(
      run.tx,
      sql`select coalesce(sum(${daily.invoicedCents} - ${daily.paidCents} - ${daily.creditedCents}), 0) as open
          from ${daily} where ${inRollupScope(run, daily)} and ${daily.day} < ${from}`,
    );
    let balance = num(opening?.open);
    const out = rows.map((r) => {
      balance += num(r.invoiced) - num(r.paid) - num(r.credited);
      return {
        period: r.period,
        invoices: r.invoices,
        invoicedCents: num(r.invoiced),
        paidCents: num(r.paid),
        creditedCents: num(r.credited),
        openCents: balance,
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
        openCents: balance,
      },
    };
  },
};

/** The sales module's KPIs, registered with the reporting module (from registrations.ts). */
export const registerSalesKpis = () => {
  for (const def of [invoiceAgeing, arSummary, transactions]) registerKpi(def);
};
