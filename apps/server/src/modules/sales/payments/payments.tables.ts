import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { salesDocuments } from '../documents/documents.tables.ts';
import { money, recordColumns, tenantKey } from '../record-columns.ts';

/** Payments received against an invoice. The invoice's paid total moves with them (same transaction). */
export const payments = pgTable(
  'payments',
  {
    ...recordColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountCents: money('amount_cents').notNull(),
    method: text('method').notNull(),
    reference: text('reference'),
  },
  (t) => [
    tenantKey('payments_tenant_id_key', t),
    index('payments_tenant_invoice_idx').on(t.tenantId, t.invoiceId, t.paidOn),
    index('payments_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    /** The transactions KPI: payments newest first (payment date, then creation). */
    index('payments_tenant_paid_idx').on(t.tenantId, t.paidOn, t.createdAt, t.id),
    foreignKey({
      name: 'payments_invoice_fk',
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [salesDocuments.tenantId, salesDocuments.id],
    }),
    check('payments_amount_positive', sql`amount_cents > 0`),
  ],
);
