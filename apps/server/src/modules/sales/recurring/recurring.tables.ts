import { sql } from 'drizzle-orm';
import {
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
import { at, money, ownerColumn, recordColumns, searchText, tenantKey } from '../record-columns.ts';
import type { AddressValue } from '../settings/settings.tables.ts';

/** A template line as it was entered (quantity in thousandths); resolved and priced when an invoice is made. */
export interface TemplateLine {
  productId?: string | null;
  description?: string;
  unit?: string;
  quantity: number;
  unitPriceCents?: number;
  discount?: { kind: 'percent'; valueBp: number } | { kind: 'amount'; valueMinor: number } | null;
  taxRateId?: string | null;
}

/**
 * Recurring invoice templates: the customer, lines (as entered) and a schedule. `generated_count` is the index
 * of the next period; `next_date` its date (null once ended). The job and "run now" lock the row.
 */
export const salesRecurringInvoices = pgTable(
  'sales_recurring_invoices',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'paused', 'ended'] })
      .notNull()
      .default('active'),
    ownerId: ownerColumn(),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    currency: text('currency').notNull(),
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: bigint('discount_value', { mode: 'number' }),
    notes: text('notes'),
    buyerReference: text('buyer_reference'),
    customerName: text('customer_name'),
    customerAddress: jsonb('customer_address').$type<AddressValue>(),
    customerTaxId: text('customer_tax_id'),
    customerEmail: text('customer_email'),
    lines: jsonb('lines').$type<TemplateLine[]>().notNull(),
    totalCents: money('total_cents').notNull().default(0),
    unit: text('unit', { enum: ['day', 'week', 'month'] }).notNull(),
    every: integer('every').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    maxCount: integer('max_count'),
    dueDays: integer('due_days'),
    autoIssue: boolean('auto_issue').notNull().default(false),
    autoSend: boolean('auto_send').notNull().default(false),
    sendTo: text('send_to'),
    generatedCount: integer('generated_count').notNull().default(0),
    nextDate: date('next_date', { mode: 'string' }),
    lastRunAt: at('last_run_at'),
    searchText: text('search_text').generatedAlwaysAs(searchText('name', 'customer_name')),
  },
  (t) => [
    tenantKey('sales_recurring_invoices_tenant_id_key', t),
    index('sales_recurring_invoices_due_idx').on(t.tenantId, t.status, t.nextDate),
    index('sales_recurring_invoices_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('sales_recurring_invoices_status', sql`status IN ('active','paused','ended')`),
    check('sales_recurring_invoices_unit', sql`unit IN ('day','week','month')`),
    check('sales_recurring_invoices_every', sql`every BETWEEN 1 AND 365`),
    check('sales_recurring_invoices_dates', sql`end_date IS NULL OR start_date <= end_date`),
    check(
      'sales_recurring_invoices_count',
      sql`generated_count >= 0 AND (max_count IS NULL OR (max_count > 0 AND generated_count <= max_count))`,
    ),
    check('sales_recurring_invoices_send', sql`NOT auto_send OR auto_issue`),
    check('sales_recurring_invoices_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
    check('sales_recurring_invoices_amounts', sql`total_cents >= 0 AND coalesce(discount_value, 0) >= 0`),
  ],
);

/**
 * One row per template and period, written in the transaction that makes the period's invoice: the unique key
 * is what makes a second run (a retry, a second worker, "run now" at the same time) make nothing.
 */
export const salesRecurringRuns = pgTable(
  'sales_recurring_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    templateId: uuid('template_id').notNull(),
    periodIndex: integer('period_index').notNull(),
    periodDate: date('period_date', { mode: 'string' }).notNull(),
    invoiceId: uuid('invoice_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sales_recurring_runs_period_key').on(t.tenantId, t.templateId, t.periodIndex),
    foreignKey({
      name: 'sales_recurring_runs_template_fk',
      columns: [t.tenantId, t.templateId],
      foreignColumns: [salesRecurringInvoices.tenantId, salesRecurringInvoices.id],
    }).onDelete('cascade'),
    check('sales_recurring_runs_index', sql`period_index >= 0`),
  ],
);
