import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from '../catalog/catalog.tables.ts';
import { at, money, ownerColumn, recordColumns, searchText, tenantKey } from '../record-columns.ts';
import type { AddressValue } from '../settings/settings.tables.ts';

export const DOCUMENT_KINDS = ['quote', 'invoice', 'credit_note'] as const;

/** One tax row of a stored document (the shared calculation's breakdown). */
export interface StoredTaxRow {
  taxRateBp: number;
  taxableMinor: number;
  taxMinor: number;
}

/**
 * Quotes, invoices and credit notes: one table, one mechanism, `kind` tells them apart. Totals are what the
 * shared calculation (contracts/sales/calculation.ts) returned when the lines were last saved. Rules held by
 * the database: checks below, and the trigger of the hand-written migration that refuses changing a document
 * (or its lines) once it left draft, except its status, payment totals and timestamps.
 */
export const salesDocuments = pgTable(
  'sales_documents',
  {
    ...recordColumns(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    number: text('number'),
    status: text('status').notNull().default('draft'),
    ownerId: ownerColumn(),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    /** Quote → its invoice; credit note → the invoice it corrects. */
    sourceId: uuid('source_id'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    currency: text('currency').notNull(),
    rounding: text('rounding', { enum: ['line', 'document'] }).notNull(),
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: bigint('discount_value', { mode: 'number' }),
    notes: text('notes'),
    buyerReference: text('buyer_reference'),
    customerName: text('customer_name'),
    customerAddress: jsonb('customer_address').$type<AddressValue>(),
    customerTaxId: text('customer_tax_id'),
    customerEmail: text('customer_email'),
    subtotalCents: money('subtotal_cents').notNull().default(0),
    discountCents: money('discount_cents').notNull().default(0),
    netCents: money('net_cents').notNull().default(0),
    taxCents: money('tax_cents').notNull().default(0),
    totalCents: money('total_cents').notNull().default(0),
    taxBreakdown: jsonb('tax_breakdown').$type<StoredTaxRow[]>().notNull().default([]),
    paidCents: money('paid_cents').notNull().default(0),
    creditedCents: money('credited_cents').notNull().default(0),
    balanceCents: money('balance_cents').generatedAlwaysAs(sql`total_cents - paid_cents - credited_cents`),
    issuedAt: at('issued_at'),
    sentAt: at('sent_at'),
    paidAt: at('paid_at'),
    voidedAt: at('voided_at'),
    decidedAt: at('decided_at'),
    decidedIp: text('decided_ip'),
    searchText: text('search_text').generatedAlwaysAs(searchText('number', 'customer_name')),
  },
  (t) => [
    tenantKey('sales_documents_tenant_id_key', t),
    uniqueIndex('sales_documents_number_key').on(t.tenantId, t.kind, t.number),
    index('sales_documents_kind_created_idx').on(t.tenantId, t.kind, t.createdAt, t.id),
    index('sales_documents_kind_issue_idx').on(t.tenantId, t.kind, t.issueDate, t.id),
    index('sales_documents_kind_number_idx').on(t.tenantId, t.kind, t.number, t.id),
    index('sales_documents_kind_total_idx').on(t.tenantId, t.kind, t.totalCents, t.id),
    index('sales_documents_kind_due_idx').on(t.tenantId, t.kind, t.dueDate, t.id),
    index('sales_documents_company_idx').on(t.tenantId, t.companyId),
    index('sales_documents_source_idx').on(t.tenantId, t.sourceId),
    index('sales_documents_deal_idx').on(t.tenantId, t.dealId).where(sql`deal_id IS NOT NULL`),
    /** The transactions KPI: credit notes newest first (issue date, then creation). */
    index('sales_documents_credit_note_issue_idx')
      .on(t.tenantId, t.issueDate, t.createdAt, t.id)
      .where(sql`kind = 'credit_note'`),
    index('sales_documents_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
    foreignKey({
      name: 'sales_documents_source_fk',
      columns: [t.tenantId, t.sourceId],
      foreignColumns: [t.tenantId, t.id] as [AnyPgColumn, AnyPgColumn],
    }),
    check('sales_documents_dates', sql`due_date IS NULL OR issue_date <= due_date`),
    check(
      'sales_documents_amounts',
      sql`subtotal_cents >= 0 AND discount_cents >= 0 AND net_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0 AND paid_cents >= 0 AND credited_cents >= 0 AND coalesce(discount_value, 0) >= 0`,
    ),
    check('sales_documents_no_overpayment', sql`paid_cents + credited_cents <= total_cents`),
    check('sales_documents_numbered', sql`status = 'draft' OR number IS NOT NULL`),
    check(
      'sales_documents_status',
      sql`(kind = 'quote' AND status IN ('draft','sent','accepted','declined','expired','invoiced'))
       OR (kind = 'invoice' AND status IN ('draft','issued','sent','partially_paid','paid','overdue','void'))
       OR (kind = 'credit_note' AND status IN ('draft','issued','void'))`,
    ),
    check('sales_documents_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

/** The lines of a document, in `position` order. Amounts are the calculation's per-line results. */
export const salesDocumentLines = pgTable(
  'sales_document_lines',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    documentId: uuid('document_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id'),
    sku: text('sku'),
    description: text('description').notNull(),
    unit: text('unit'),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unitPriceCents: money('unit_price_cents').notNull(),
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: bigint('discount_value', { mode: 'number' }),
    taxRateId: uuid('tax_rate_id'),
    taxRateBp: integer('tax_rate_bp').notNull(),
    taxInclusive: boolean('tax_inclusive').notNull(),
    taxCategory: text('tax_category').notNull().default('S'),
    discountCents: money('discount_cents').notNull(),
    netCents: money('net_cents').notNull(),
    taxCents: money('tax_cents').notNull(),
    totalCents: money('total_cents').notNull(),
  },
  (t) => [
    uniqueIndex('sales_document_lines_position_key').on(t.tenantId, t.documentId, t.position),
    uniqueIndex('sales_document_lines_tenant_id_key').on(t.tenantId, t.id),
    index('sales_document_lines_tenant_doc_idx').on(t.tenantId, t.documentId),
    foreignKey({
      name: 'sales_document_lines_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [salesDocuments.tenantId, salesDocuments.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sales_document_lines_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }),
    check(
      'sales_document_lines_amounts',
      sql`quantity_milli > 0 AND unit_price_cents >= 0 AND discount_cents >= 0 AND net_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0 AND coalesce(discount_value, 0) >= 0 AND tax_rate_bp BETWEEN 0 AND 10000`,
    ),
  ],
);

/**
 * Payment reminders sent: one row per invoice and reminder day (days after the due date). The job inserts the
 * row in the same transaction as the e-mail; a retry or a second worker finds it and sends nothing.
 */
export const salesReminders = pgTable(
  'sales_reminders',
  {
    tenantId: uuid('tenant_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    dayOffset: integer('day_offset').notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sales_reminders_key').on(t.tenantId, t.invoiceId, t.dayOffset),
    foreignKey({
      name: 'sales_reminders_invoice_fk',
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [salesDocuments.tenantId, salesDocuments.id],
    }).onDelete('cascade'),
  ],
);
