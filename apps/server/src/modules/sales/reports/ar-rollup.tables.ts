import { bigint, date, integer, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../identity/index.ts';

/**
 * Roll-ups behind the invoice KPIs (ADR 0038), kept right by the statement-level triggers of migration 0055 in
 * the transaction that changes documents or payments: a rollback takes its deltas with it. The invariant: the
 * rows of a tenant sum to what the KPIs computed from `sales_documents` and `payments` (live = an invoice or
 * credit note neither draft nor void; a payment counts while its invoice is live, under the invoice's owner).
 * `slot` (the writing backend's pid mod 8) stripes a key over up to 8 rows so that concurrent writers of one
 * owner and day do not queue on one row; readers sum the slots. `owner_id` has no foreign key: a deleted user's
 * documents are set to no owner by their own foreign key, and the trigger moves their sums.
 */
export const salesArDaily = pgTable(
  'sales_ar_daily',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** The issue date (invoices, credit notes) or payment date: calendar days of the tenant. */
    day: date('day', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id'),
    currency: text('currency').notNull(),
    slot: smallint('slot').notNull(),
    invoices: integer('invoices').notNull().default(0),
    invoicedCents: bigint('invoiced_cents', { mode: 'number' }).notNull().default(0),
    payments: integer('payments').notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    creditNotes: integer('credit_notes').notNull().default(0),
    creditedCents: bigint('credited_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('sales_ar_daily_key').on(t.tenantId, t.day, t.ownerId, t.currency, t.slot).nullsNotDistinct(),
  ],
);

/** Open balances of live invoices (balance > 0) by issue date and due date (the issue date when none). */
export const salesArOpen = pgTable(
  'sales_ar_open',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id'),
    currency: text('currency').notNull(),
    slot: smallint('slot').notNull(),
    invoices: integer('invoices').notNull().default(0),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('sales_ar_open_key')
      .on(t.tenantId, t.dueOn, t.issueDate, t.ownerId, t.currency, t.slot)
      .nullsNotDistinct(),
  ],
);
