import { type SQL, sql } from 'drizzle-orm';
import { numbersFor } from './generate-numbers.ts';
import { rowCount, SEQ, type Settings, type Tx } from './generate-sql.ts';

// Credit and delivery notes for a batch of generated invoices (called by generate-documents.ts).

/** Invoices credited in full (one in 20, among the unpaid ones: a credit note may not exceed the balance). */
export const CREDITED = sql.raw(`${SEQ} % 20 = 19`);
/** Invoices delivered in full (a third of the paid ones). */
export const DELIVERED = sql.raw(`${SEQ} % 20 < 9 and ${SEQ} % 3 = 0`);

/**
 * A credit note for each CREDITED invoice of the batch (still drafts here), issued today: all its lines,
 * prices and totals, its own gapless number; the invoice's `credited_cents` is set with its status below.
 */
export const creditNotes = async (
  tx: Tx,
  tenantId: string,
  settings: Settings,
  batch: SQL,
  today: string,
) => {
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
export const deliveryNotes = async (
  tx: Tx,
  tenantId: string,
  settings: Settings,
  batch: SQL,
  today: string,
) => {
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
