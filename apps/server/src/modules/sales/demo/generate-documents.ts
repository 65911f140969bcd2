import { numberPeriod } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { CREDITED, creditNotes, deliveryNotes } from './generate-notes.ts';
import { takeNumbers } from './generate-numbers.ts';
import {
  CUSTOMERS,
  LINE_SETS,
  listSql,
  pricedSets,
  SEQ,
  type Settings,
  seqOf,
  TRADES,
  type Tx,
} from './generate-sql.ts';

// A batch of generated quotes or invoices: numbered drafts, then their lines, payments, notes and statuses.

/** `count` numbered drafts of `kind` (numbers go on from the counter, which moves on with them). */
export const documentDrafts = async (
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
export const completeDocuments = async (
  tx: Tx,
  tenantId: string,
  kind: 'quote' | 'invoice',
  settings: Settings,
) => {
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
