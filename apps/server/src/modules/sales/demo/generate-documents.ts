import { type CalcLine, calculateDocument, numberPeriod } from '@tessera/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { settingsOf } from '../settings/settings.service.ts';

/**
 * Bulk products, quotes and invoices (with lines, payments, credit and delivery notes; and commission rules) for `npm run db:generate -- --invoices N` and the sales bench
 * (bench/sales.ts). Set-based like the CRM generator: one `INSERT … SELECT … FROM generate_series` per table
 * and batch, one batch per tenant transaction (row-level security applies). The amounts come from a few line
 * sets priced in JavaScript by the shared calculation (contracts/sales/calculation.ts) and picked per row, so
 * stored totals are what the calculation returns. Numbers continue the tenant's invoice counter for the current
 * period without gaps (the counter row is moved on in the same transaction); payments never exceed the
 * balance and statuses follow it: paid, partially paid, overdue past the due date, else issued or sent. Quotes
 * are sent, accepted, declined, or expired past their valid-until date.
 */

export interface GenerateSalesInput {
  tenantId: string;
  counts: { products?: number; quotes?: number; invoices?: number };
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

type Tx = Parameters<Parameters<typeof withTenant>[2]>[0];
type Settings = Awaited<ReturnType<typeof settingsOf>>;
const listSql = (values: readonly string[]) =>
  sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(','));
/** The trailing sequence of a generated number. */
const SEQ = `substring(number from '(\\d+)$')::int`;
const seqOf = sql.raw(SEQ);

type NumberedKind = 'quote' | 'invoice' | 'credit_note' | 'delivery_note';

/**
 * Takes `count` numbers of `kind` for the period of `day` from the tenant's counter (moved on in the caller's
 * transaction, which holds the row until commit: gapless with concurrent issuing). `start + 1 … start + count`
 * are this caller's; `number(seq, date)` is the SQL of the formatted number of sequence `seq` dated `date`.
 */
const takeNumbers = async (
  tx: Tx,
  tenantId: string,
  kind: NumberedKind,
  pattern: string,
  day: string,
  count: number,
) => {
  const period = numberPeriod(pattern, day);
  const counter = (await tx.execute(sql`
    insert into sales_counters (tenant_id, kind, period, last_value) values (${tenantId}, ${kind}, ${period}, ${count})
    on conflict (tenant_id, kind, period) do update set last_value = sales_counters.last_value + ${count}
    returning last_value::int as last`)) as unknown as { rows: { last: number }[] };
  const start = (counter.rows[0]?.last ?? count) - count;
  const width = Number(/\{SEQ(?::(\d))?\}/.exec(pattern)?.[1] ?? 1);
  const template = pattern
    .replaceAll('{YYYY}', '#Y4#')
    .replaceAll('{YY}', '#Y2#')
    .replaceAll('{MM}', '#M#')
    .replace(/\{SEQ(?::\d)?\}/, '#SEQ#');
  const number = (seq: SQL, date: SQL) => sql`replace(replace(replace(replace(${template},
      '#Y4#', to_char(${date}, 'YYYY')), '#Y2#', to_char(${date}, 'YY')), '#M#', to_char(${date}, 'MM')),
      '#SEQ#', lpad((${seq})::text, greatest(${width}, length((${seq})::text)), '0'))`;
  return { start, number };
};

/** `count` numbered drafts of `kind` (numbers go on from the counter, which moves on with them). */
const documentDrafts = async (
  tx: Tx,
  tenantId: string,
  kind: 'quote' | 'invoice',
  count: number,
  ownerIds: readonly string[],
  settings: Settings,
) => {
  const today = new Date().toISOString().slice(0, 10);
  const pattern = kind === 'quote' ? settings.quotePattern : settings.invoicePattern;
  const period = numberPeriod(pattern, today);
  // Issue dates from the start of the numbering period to today, so every number is in this period.
  const from =
    period.length === 4
      ? `${period}-01-01`
      : period.length === 7
        ? `${period}-01`
        : `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
  const { start, number } = await takeNumbers(tx, tenantId, kind, pattern, today, count);
  const sets = JSON.stringify(pricedSets(settings.rounding));
  const validDays = kind === 'quote' ? 30 : settings.paymentTermsDays;
  // Documents: drafts first (the lines guard takes lines only on drafts), then moved on below.
  await tx.execute(sql`
    insert into sales_documents (id, tenant_id, created_at, updated_at, created_by, kind, number, status,
      owner_id, issue_date, due_date, currency, rounding, customer_name, subtotal_cents, discount_cents,
      net_cents, tax_cents, total_cents, tax_breakdown)
    select gen_random_uuid(), ${tenantId}, d.issue::timestamptz, d.issue::timestamptz, d.owner, ${kind},
      ${number(sql`d.n`, sql`d.issue`)},
      'draft', d.owner, d.issue, d.issue + ${validDays}::int, ${settings.currency}, ${settings.rounding},
      (array[${listSql(CUSTOMERS)}])[1 + d.n % ${CUSTOMERS.length}] || ' ' ||
        (array[${listSql(TRADES)}])[1 + (d.n / 7) % ${TRADES.length}] || ' ' || (d.n % 997),
      (s->>'subtotal')::bigint, (s->>'discount')::bigint, (s->>'net')::bigint, (s->>'tax')::bigint,
      (s->>'total')::bigint, s->'breakdown'
    from (
      select g as n,
        (${from}::date + ((g - ${start} - 1)::bigint * ${days + 1} / ${count})::int) as issue,
        (array[${listSql(ownerIds)}]::uuid[])[1 + g % ${ownerIds.length}] as owner
      from generate_series(${start + 1}::int, ${start + count}::int) g
    ) d,
    lateral (select (${sets}::jsonb) -> (d.n % ${LINE_SETS.length})) x(s)`);
};

/**
 * Lines for the numbered drafts `documentDrafts` made, then payments (invoices) and the statuses. Runs after
 * an ANALYZE of the drafts: with a tenant's rows newer than the statistics, the lines guard trigger's lookup
 * (`where id = …`, under the tenant policy) is planned on a tenant_id index and scans the tenant once per line.
 */
const completeDocuments = async (tx: Tx, tenantId: string, kind: 'quote' | 'invoice', settings: Settings) => {
  const today = new Date().toISOString().slice(0, 10);
  const sets = JSON.stringify(pricedSets(settings.rounding));
  const batch = sql`sales_documents.tenant_id = ${tenantId} and sales_documents.kind = ${kind}
    and sales_documents.status = 'draft' and sales_documents.number is not null`;
  await tx.execute(sql`
    insert into sales_document_lines (id, tenant_id, document_id, position, description, quantity_milli,
      unit_price_cents, discount_kind, discount_value, tax_rate_bp, tax_inclusive, discount_cents, net_cents,
      tax_cents, total_cents)
    select gen_random_uuid(), ${tenantId}, sales_documents.id, l.position, l.description, l.quantity_milli,
      l.unit_price_cents, l.discount_kind, l.discount_value, l.tax_rate_bp, l.tax_inclusive, l.discount_cents,
      l.net_cents, l.tax_cents, l.total_cents
    from sales_documents,
      lateral jsonb_to_recordset(${sets}::jsonb -> (${seqOf} % ${LINE_SETS.length}) -> 'lines')
        as l(position int, description text, quantity_milli bigint, unit_price_cents bigint, discount_kind text,
             discount_value bigint, tax_rate_bp int, tax_inclusive boolean, discount_cents bigint, net_cents bigint,
             tax_cents bigint, total_cents bigint)
    where ${batch}`);
  if (kind === 'quote') {
    // 20 % accepted, 20 % declined, the rest sent, or expired once past their valid-until date.
    await tx.execute(sql`
      update sales_documents set
        issued_at = issue_date::timestamptz + interval '9 hours',
        sent_at = issue_date::timestamptz + interval '10 hours',
        decided_at = case when ${seqOf} % 5 < 2 then least(issue_date + 2, ${today}::date)::timestamptz + interval '11 hours' end,
        status = case when ${seqOf} % 5 = 0 then 'accepted' when ${seqOf} % 5 = 1 then 'declined'
          when due_date < ${today}::date then 'expired' else 'sent' end
      where ${batch}`);
    return { payments: 0, creditNotes: 0, deliveryNotes: 0 };
  }
  // 45 % paid in full, 15 % half paid, the rest open (every line set has a positive total): one payment per
  // paid amount, never above the balance, and the status following the balance. Both from the row number,
  // without joining the fresh payments (their statistics are stale until the VACUUM ANALYZE at the end).
  const paidCents = sql.raw(
    `(case when ${SEQ} % 20 < 9 then total_cents when ${SEQ} % 20 < 12 then total_cents / 2 else 0 end)`,
  );
  const paid = (await tx.execute(sql`
    insert into payments (id, tenant_id, created_at, updated_at, created_by, invoice_id, paid_on, amount_cents, method)
    select gen_random_uuid(), ${tenantId}, now(), now(), owner_id, id, least(issue_date + 10, ${today}::date),
      ${paidCents}, 'bank_transfer'
    from sales_documents where ${batch} and ${paidCents} > 0`)) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  const credited = await creditNotes(tx, tenantId, settings, batch, today);
  const delivered = await deliveryNotes(tx, tenantId, settings, batch, today);
  await tx.execute(sql`
    update sales_documents set
      paid_cents = ${paidCents},
      credited_cents = case when ${CREDITED} then total_cents else 0 end,
      issued_at = issue_date::timestamptz + interval '9 hours',
      sent_at = case when ${seqOf} % 2 = 0 then issue_date::timestamptz + interval '10 hours' end,
      paid_at = case when ${paidCents} = total_cents
        then least(issue_date + 10, ${today}::date)::timestamptz + interval '12 hours'
        when ${CREDITED} then ${today}::timestamptz + interval '12 hours' end,
      status = case
        when ${paidCents} = total_cents or ${CREDITED} then 'paid'
        when ${paidCents} > 0 then 'partially_paid'
        when due_date < ${today}::date then 'overdue'
        when ${seqOf} % 2 = 0 then 'sent'
        else 'issued' end
    where ${batch}`);
  return {
    payments: paid.rowCount ?? paid.affectedRows ?? 0,
    creditNotes: credited,
    deliveryNotes: delivered,
  };
};

/** Invoices credited in full (one in 20, among the unpaid ones: a credit note may not exceed the balance). */
const CREDITED = sql.raw(`${SEQ} % 20 = 19`);
/** Invoices delivered in full (a third of the paid ones). */
const DELIVERED = sql.raw(`${SEQ} % 20 < 9 and ${SEQ} % 3 = 0`);
const rowCount = (r: unknown) =>
  (r as { rowCount?: number; affectedRows?: number }).rowCount ??
  (r as { affectedRows?: number }).affectedRows ??
  0;

/** How many documents `where` selects and, when there are any, that many numbers of `kind` taken at once. */
const numbersFor = async (
  tx: Tx,
  tenantId: string,
  where: SQL,
  kind: NumberedKind,
  pattern: string,
  today: string,
) => {
  const counted = (await tx.execute(
    sql`select count(*)::int as n from sales_documents where ${where}`,
  )) as unknown as { rows: { n: number }[] };
  const count = counted.rows[0]?.n ?? 0;
  if (count === 0) return undefined;
  return { count, ...(await takeNumbers(tx, tenantId, kind, pattern, today, count)) };
};

/**
 * A credit note for each CREDITED invoice of the batch (still drafts here), issued today: all its lines,
 * prices and totals, its own gapless number; the invoice's `credited_cents` is set with its status below.
 */
const creditNotes = async (tx: Tx, tenantId: string, settings: Settings, batch: SQL, today: string) => {
  const numbers = await numbersFor(
    tx,
    tenantId,
    sql`${batch} and ${CREDITED}`,
    'credit_note',
    settings.creditNotePattern,
    today,
  );
  if (!numbers) return 0;
  const { count, start, number } = numbers;
  await tx.execute(sql`
    insert into sales_documents (id, tenant_id, created_at, updated_at, created_by, kind, number, status,
      owner_id, source_id, issue_date, currency, rounding, customer_name, subtotal_cents, discount_cents,
      net_cents, tax_cents, total_cents, tax_breakdown)
    select gen_random_uuid(), ${tenantId}, now(), now(), owner_id, 'credit_note',
      ${number(sql`${start} + row_number() over (order by issue_date, id)`, sql`${today}::date`)}, 'draft',
      owner_id, id, ${today}::date, currency, rounding, customer_name, subtotal_cents, discount_cents,
      net_cents, tax_cents, total_cents, tax_breakdown
    from sales_documents where ${batch} and ${CREDITED}`);
  const notes = sql`cn.tenant_id = ${tenantId} and cn.kind = 'credit_note' and cn.status = 'draft'`;
  await tx.execute(sql`
    insert into sales_document_lines (id, tenant_id, document_id, position, description, quantity_milli,
      unit_price_cents, discount_kind, discount_value, tax_rate_bp, tax_inclusive, discount_cents, net_cents,
      tax_cents, total_cents)
    select gen_random_uuid(), ${tenantId}, cn.id, l.position, l.description, l.quantity_milli,
      l.unit_price_cents, l.discount_kind, l.discount_value, l.tax_rate_bp, l.tax_inclusive, l.discount_cents,
      l.net_cents, l.tax_cents, l.total_cents
    from sales_documents cn
    join sales_document_lines l on l.tenant_id = cn.tenant_id and l.document_id = cn.source_id
    where ${notes}`);
  await tx.execute(sql`
    update sales_documents cn set status = 'issued', issued_at = ${today}::timestamptz + interval '12 hours'
    where ${notes}`);
  return count;
};

/** A delivery note for each DELIVERED invoice of the batch: every line in full, its own gapless number. */
const deliveryNotes = async (tx: Tx, tenantId: string, settings: Settings, batch: SQL, today: string) => {
  const numbers = await numbersFor(
    tx,
    tenantId,
    sql`${batch} and ${DELIVERED}`,
    'delivery_note',
    settings.deliveryNotePattern,
    today,
  );
  if (!numbers) return 0;
  const { start, number } = numbers;
  const inserted = await tx.execute(sql`
    insert into sales_delivery_notes (id, tenant_id, created_at, updated_at, created_by, number, source_id,
      source_kind, owner_id, delivered_on)
    select gen_random_uuid(), ${tenantId}, now(), now(), owner_id,
      ${number(sql`${start} + row_number() over (order by issue_date, id)`, sql`${today}::date`)}, id,
      'invoice', owner_id, least(issue_date + 3, ${today}::date)
    from sales_documents where ${batch} and ${DELIVERED}`);
  // The notes just made are the ones without lines yet (every other note got its lines with it).
  await tx.execute(sql`
    insert into sales_delivery_note_lines (id, tenant_id, note_id, source_line_id, position, quantity_milli)
    select gen_random_uuid(), ${tenantId}, n.id, l.id, l.position, l.quantity_milli
    from sales_delivery_notes n
    join sales_document_lines l on l.tenant_id = n.tenant_id and l.document_id = n.source_id
    where n.tenant_id = ${tenantId} and not exists (
      select 1 from sales_delivery_note_lines x where x.tenant_id = n.tenant_id and x.note_id = n.id)`);
  return rowCount(inserted);
};

/** `count` products (and services) with SKUs GEN-… numbered on after the tenant's existing products. */
const productBatch = async (tx: Tx, tenantId: string, from: number, count: number, settings: Settings) => {
  await tx.execute(sql`
    insert into products (id, tenant_id, sku, name, kind, unit, unit_price_cents, currency)
    select gen_random_uuid(), ${tenantId}, 'GEN-' || lpad(g::text, 6, '0'),
      (array[${listSql(DESCRIPTIONS)}])[1 + g % ${DESCRIPTIONS.length}] || ' ' ||
        (array[${listSql(TRADES)}])[1 + (g / 5) % ${TRADES.length}] || ' ' || g,
      case when g % 3 = 0 then 'service' else 'product' end, case when g % 3 = 0 then 'h' else 'pcs' end,
      100 + (g * 7919) % 250000, ${settings.currency}
    from generate_series(${from}::int, ${from + count - 1}::int) g`);
};

/**
 * Commission rules for the generated agents (once per tenant: a run that finds generated rules adds none):
 * every member of the sales role earns 5 %, 7 % from 10,000.00 of paid net in the month; the first owner has
 * an own rule of 8 %. Commission lines are written by settling an invoice (a payment, a credit note), so the
 * generated payments earn nothing until then.
 */
const commissionRules = async (tx: Tx, tenantId: string, ownerIds: readonly string[]) => {
  const done = (await tx.execute(
    sql`select count(*)::int as n from commission_rules where tenant_id = ${tenantId} and name like 'Generated: %'`,
  )) as unknown as { rows: { n: number }[] };
  if ((done.rows[0]?.n ?? 0) > 0) return 0;
  const tiers = JSON.stringify([{ fromCents: 1_000_000, rateBp: 700 }]);
  const byRole = await tx.execute(sql`
    insert into commission_rules (id, tenant_id, created_at, updated_at, name, role_id, rate_bp, tiers)
    select gen_random_uuid(), ${tenantId}, now(), now(), 'Generated: sales team', id, 500, ${tiers}::jsonb
    from roles where tenant_id = ${tenantId} and key = 'sales'`);
  const [first] = ownerIds;
  const byAgent = first
    ? await tx.execute(sql`
        insert into commission_rules (id, tenant_id, created_at, updated_at, name, user_id, rate_bp)
        values (gen_random_uuid(), ${tenantId}, now(), now(), 'Generated: senior agent', ${first}, 800)`)
    : null;
  return rowCount(byRole) + (byAgent ? rowCount(byAgent) : 0);
};

/** Products, quotes and invoices (see the comment at the top), in batches, then VACUUM ANALYZE. */
export const generateSalesData = async (
  database: Database,
  input: GenerateSalesInput,
): Promise<{ table: string; rows: number; ms: number }[]> => {
  const { tenantId, counts } = input;
  if (input.ownerIds.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  const batchSize = input.batchSize ?? 10_000;
  const results: { table: string; rows: number; ms: number }[] = [];
  const made = { payments: 0, creditNotes: 0, deliveryNotes: 0 };
  for (const table of ['products', 'quotes', 'invoices'] as const) {
    const total = counts[table] ?? 0;
    if (total <= 0) continue;
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const count = Math.min(batchSize, total - done);
      // More sort memory and no commit flush wait, for these bulk transactions only.
      const bulk = <T>(fn: (tx: Tx, settings: Settings) => Promise<T>) =>
        withTenant(database, tenantId, async (tx) => {
          await tx.execute(
            sql`select set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`,
          );
          return fn(tx, await settingsOf(tx, tenantId));
        });
      if (table === 'products') {
        await bulk(async (tx, settings) => {
          const existing = (await tx.execute(
            sql`select count(*)::int as n from products where tenant_id = ${tenantId}`,
          )) as unknown as { rows: { n: number }[] };
          await productBatch(tx, tenantId, (existing.rows[0]?.n ?? 0) + 1, count, settings);
        });
      } else {
        const kind = table === 'quotes' ? 'quote' : 'invoice';
        await bulk((tx, settings) => documentDrafts(tx, tenantId, kind, count, input.ownerIds, settings));
        await database.withSession((s) => s.query('analyze sales_documents'));
        const batchMade = await bulk((tx, settings) => completeDocuments(tx, tenantId, kind, settings));
        made.payments += batchMade.payments;
        made.creditNotes += batchMade.creditNotes;
        made.deliveryNotes += batchMade.deliveryNotes;
      }
      done += count;
      input.onBatch?.({ table, done, total, elapsedMs: performance.now() - started });
    }
    results.push({ table, rows: total, ms: performance.now() - started });
  }
  // Payments, credit and delivery notes are made within the invoice batches: their time is the invoices'.
  const invoiceMs = results.find((r) => r.table === 'invoices')?.ms ?? 0;
  if (made.payments > 0) results.push({ table: 'payments', rows: made.payments, ms: invoiceMs });
  if (made.creditNotes > 0) results.push({ table: 'credit notes', rows: made.creditNotes, ms: invoiceMs });
  if (made.deliveryNotes > 0)
    results.push({ table: 'delivery notes', rows: made.deliveryNotes, ms: invoiceMs });
  if ((counts.invoices ?? 0) > 0) {
    const t0 = performance.now();
    const rules = await withTenant(database, tenantId, (tx) => commissionRules(tx, tenantId, input.ownerIds));
    results.push({ table: 'commission rules', rows: rules, ms: performance.now() - t0 });
  }
  if (results.length === 0) return results;
  const t0 = performance.now();
  await database.withSession((s) =>
    s.query(
      'vacuum (analyze) products, sales_documents, sales_document_lines, payments, sales_counters, sales_delivery_notes, sales_delivery_note_lines, commission_rules',
    ),
  );
  results.push({ table: 'vacuum analyze', rows: 0, ms: performance.now() - t0 });
  return results;
};
