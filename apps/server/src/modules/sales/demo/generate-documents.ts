import { type CalcLine, calculateDocument, numberPeriod } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { settingsOf } from '../settings/settings.service.ts';

/**
 * Bulk invoices with their lines and payments for `npm run db:generate -- --invoices N` and the sales bench
 * (bench/sales.ts). Set-based like the CRM generator: one `INSERT … SELECT … FROM generate_series` per table
 * and batch, one batch per tenant transaction (row-level security applies). The amounts come from a few line
 * sets priced in JavaScript by the shared calculation (contracts/sales/calculation.ts) and picked per row, so
 * stored totals are what the calculation returns. Numbers continue the tenant's invoice counter for the current
 * period without gaps (the counter row is moved on in the same transaction); payments never exceed the
 * balance and statuses follow it: paid, partially paid, overdue past the due date, else issued or sent.
 */

export interface GenerateSalesInput {
  tenantId: string;
  invoices: number;
  /** Owners to spread invoices over. */
  ownerIds: readonly string[];
  /** Invoices per batch (and transaction). Default 10 000. */
  batchSize?: number;
  onBatch?: (progress: { table: string; done: number; total: number; elapsedMs: number }) => void;
}

const LINE_SETS: CalcLine[][] = [
  [{ quantityMilli: 1000, unitPriceMinor: 12_500, taxRateBp: 2000, taxInclusive: false }],
  [
    { quantityMilli: 2500, unitPriceMinor: 4_990, taxRateBp: 2000, taxInclusive: false },
    { quantityMilli: 1000, unitPriceMinor: 35_000, taxRateBp: 2000, taxInclusive: false },
  ],
  [
    { quantityMilli: 3000, unitPriceMinor: 1_999, taxRateBp: 700, taxInclusive: false },
    { quantityMilli: 1000, unitPriceMinor: 89_900, taxRateBp: 1900, taxInclusive: false },
    {
      quantityMilli: 750,
      unitPriceMinor: 8_000,
      taxRateBp: 1900,
      taxInclusive: false,
      discount: { kind: 'percent', valueBp: 1000 },
    },
  ],
  [{ quantityMilli: 12_000, unitPriceMinor: 6_500, taxRateBp: 2000, taxInclusive: true }],
  [
    { quantityMilli: 1000, unitPriceMinor: 249_000, taxRateBp: 2000, taxInclusive: false },
    { quantityMilli: 8000, unitPriceMinor: 7_250, taxRateBp: 1000, taxInclusive: false },
  ],
];
const DESCRIPTIONS = ['Installation', 'Service visit', 'Replacement part', 'Labour (hours)', 'Materials'];
const CUSTOMERS = ['Harbour', 'Mill', 'Station', 'Park', 'Church', 'High Street', 'North', 'Riverside'];
const TRADES = ['Plumbing', 'Electrics', 'Roofing', 'Heating', 'Solar', 'Builders'];

/** The line sets priced by the shared calculation, as JSON for the SQL to pick from. */
const pricedSets = (rounding: 'line' | 'document') =>
  LINE_SETS.map((lines) => {
    const r = calculateDocument({ lines, rounding });
    return {
      subtotal: r.subtotalMinor,
      discount: r.documentDiscountMinor,
      net: r.netMinor,
      tax: r.taxMinor,
      total: r.totalMinor,
      breakdown: r.taxBreakdown,
      lines: lines.map((l, i) => ({
        position: i + 1,
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
        quantity_milli: l.quantityMilli,
        unit_price_cents: l.unitPriceMinor,
        discount_kind: l.discount?.kind ?? null,
        discount_value: l.discount
          ? 'valueBp' in l.discount
            ? l.discount.valueBp
            : l.discount.valueMinor
          : null,
        tax_rate_bp: l.taxRateBp,
        tax_inclusive: l.taxInclusive,
        discount_cents: r.lines[i]?.discountMinor ?? 0,
        net_cents: r.lines[i]?.netMinor ?? 0,
        tax_cents: r.lines[i]?.taxMinor ?? 0,
        total_cents: r.lines[i]?.totalMinor ?? 0,
      })),
    };
  });

export const generateSalesData = async (
  database: Database,
  input: GenerateSalesInput,
): Promise<{ table: string; rows: number; ms: number }[]> => {
  const { tenantId, invoices: total } = input;
  if (total <= 0) return [];
  if (input.ownerIds.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  const batchSize = input.batchSize ?? 10_000;
  const started = performance.now();
  const today = new Date().toISOString().slice(0, 10);
  let payments = 0;
  for (let done = 0; done < total; ) {
    const count = Math.min(batchSize, total - done);
    payments += await withTenant(database, tenantId, async (tx) => {
      await tx.execute(
        sql`select set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`,
      );
      const settings = await settingsOf(tx, tenantId);
      const pattern = settings.invoicePattern;
      const period = numberPeriod(pattern, today);
      // Issue dates from the start of the numbering period to today, so every number is in this period.
      const from =
        period.length === 4
          ? `${period}-01-01`
          : period.length === 7
            ? `${period}-01`
            : `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
      // Move the counter on by `count` (locks the row until commit: gapless with concurrent issuing).
      const counter = (await tx.execute(sql`
        insert into sales_counters (tenant_id, kind, period, last_value) values (${tenantId}, 'invoice', ${period}, ${count})
        on conflict (tenant_id, kind, period) do update set last_value = sales_counters.last_value + ${count}
        returning last_value::int as last`)) as unknown as { rows: { last: number }[] };
      const start = (counter.rows[0]?.last ?? count) - count; // numbers start + 1 … start + count
      const seqMatch = /\{SEQ(?::(\d))?\}/.exec(pattern);
      const width = Number(seqMatch?.[1] ?? 1);
      const template = pattern
        .replaceAll('{YYYY}', '#Y4#')
        .replaceAll('{YY}', '#Y2#')
        .replaceAll('{MM}', '#M#')
        .replace(/\{SEQ(?::\d)?\}/, '#SEQ#');
      const sets = JSON.stringify(pricedSets(settings.rounding));
      // Documents: drafts first (the lines guard takes lines only on drafts), then issued below.
      await tx.execute(sql`
        insert into sales_documents (id, tenant_id, created_at, updated_at, created_by, kind, number, status,
          owner_id, issue_date, due_date, currency, rounding, customer_name, subtotal_cents, discount_cents,
          net_cents, tax_cents, total_cents, tax_breakdown)
        select gen_random_uuid(), ${tenantId}, d.issue::timestamptz, d.issue::timestamptz, d.owner, 'invoice',
          replace(replace(replace(replace(${template}, '#Y4#', to_char(d.issue, 'YYYY')), '#Y2#', to_char(d.issue, 'YY')),
            '#M#', to_char(d.issue, 'MM')), '#SEQ#', lpad(d.n::text, greatest(${width}, length(d.n::text)), '0')),
          'draft', d.owner, d.issue, d.issue + ${settings.paymentTermsDays}::int, ${settings.currency},
          ${settings.rounding},
          (array[${sql.raw(CUSTOMERS.map((c) => `'${c}'`).join(','))}])[1 + d.n % ${CUSTOMERS.length}] || ' ' ||
            (array[${sql.raw(TRADES.map((c) => `'${c}'`).join(','))}])[1 + (d.n / 7) % ${TRADES.length}] || ' ' || (d.n % 997),
          (s->>'subtotal')::bigint, (s->>'discount')::bigint, (s->>'net')::bigint, (s->>'tax')::bigint,
          (s->>'total')::bigint, s->'breakdown'
        from (
          select g as n,
            (${from}::date + ((g - ${start} - 1)::bigint * ${days + 1} / ${count})::int) as issue,
            (${sql.raw(`array[${input.ownerIds.map((o) => `'${o}'::uuid`).join(',')}]`)})[1 + g % ${input.ownerIds.length}] as owner
          from generate_series(${start + 1}::int, ${start + count}::int) g
        ) d,
        lateral (select (${sets}::jsonb) -> (d.n % ${LINE_SETS.length})) x(s)`);
      const batch = sql`sales_documents.tenant_id = ${tenantId} and sales_documents.kind = 'invoice'
        and sales_documents.status = 'draft' and sales_documents.number is not null`;
      await tx.execute(sql`
        insert into sales_document_lines (id, tenant_id, document_id, position, description, quantity_milli,
          unit_price_cents, discount_kind, discount_value, tax_rate_bp, tax_inclusive, discount_cents, net_cents,
          tax_cents, total_cents)
        select gen_random_uuid(), ${tenantId}, sales_documents.id, l.position, l.description, l.quantity_milli,
          l.unit_price_cents, l.discount_kind, l.discount_value, l.tax_rate_bp, l.tax_inclusive, l.discount_cents,
          l.net_cents, l.tax_cents, l.total_cents
        from sales_documents,
          lateral jsonb_to_recordset(${sets}::jsonb -> (substring(sales_documents.number from '(\\d+)$')::int % ${LINE_SETS.length}) -> 'lines')
            as l(position int, description text, quantity_milli bigint, unit_price_cents bigint, discount_kind text,
                 discount_value bigint, tax_rate_bp int, tax_inclusive boolean, discount_cents bigint, net_cents bigint,
                 tax_cents bigint, total_cents bigint)
        where ${batch}`);
      // Payments: 45 % paid in full, 15 % half paid; never above the balance (the amount is at most the total).
      const paid = (await tx.execute(sql`
        insert into payments (id, tenant_id, created_at, updated_at, created_by, invoice_id, paid_on, amount_cents, method)
        select gen_random_uuid(), ${tenantId}, now(), now(), owner_id, id, least(issue_date + 10, ${today}::date),
          case when n % 20 < 9 then total_cents else greatest(1, total_cents / 2) end, 'bank_transfer'
        from (select *, substring(number from '(\\d+)$')::int as n from sales_documents where ${batch}) d
        where n % 20 < 12 and total_cents > 0`)) as unknown as { rowCount?: number; affectedRows?: number };
      await tx.execute(sql`
        update sales_documents set
          paid_cents = coalesce(p.amount, 0),
          issued_at = issue_date::timestamptz + interval '9 hours',
          sent_at = case when (substring(number from '(\\d+)$')::int) % 2 = 0 then issue_date::timestamptz + interval '10 hours' end,
          paid_at = case when coalesce(p.amount, 0) = total_cents then p.paid_on::timestamptz end,
          status = case
            when coalesce(p.amount, 0) = total_cents then 'paid'
            when coalesce(p.amount, 0) > 0 then 'partially_paid'
            when due_date < ${today}::date then 'overdue'
            when (substring(number from '(\\d+)$')::int) % 2 = 0 then 'sent'
            else 'issued' end
        from (select sales_documents.id as doc_id, sum(payments.amount_cents) as amount, max(payments.paid_on) as paid_on
              from sales_documents left join payments on payments.tenant_id = sales_documents.tenant_id
                and payments.invoice_id = sales_documents.id
              where ${batch} group by sales_documents.id) p
        where sales_documents.id = p.doc_id and sales_documents.tenant_id = ${tenantId}`);
      return paid.rowCount ?? paid.affectedRows ?? 0;
    });
    done += count;
    input.onBatch?.({ table: 'invoices', done, total, elapsedMs: performance.now() - started });
  }
  const ms = performance.now() - started;
  const t0 = performance.now();
  await database.withSession((s) =>
    s.query('vacuum (analyze) sales_documents, sales_document_lines, payments, sales_counters'),
  );
  return [
    { table: 'invoices', rows: total, ms },
    { table: 'payments', rows: payments, ms: 0 },
    { table: 'vacuum analyze', rows: 0, ms: performance.now() - t0 },
  ];
};
