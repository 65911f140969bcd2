import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import { projects } from '../projects/projects.tables.ts';
import { at, day, money, recordColumns, tenantKey } from '../record-columns.ts';

/** Expenses on a project: approved like timesheets (one expense at a time), then reimbursed. */
export const expenses = pgTable(
  'expenses',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expenseDate: day('expense_date').notNull(),
    projectId: uuid('project_id').notNull(),
    category: text('category').notNull(),
    amountCents: money('amount_cents').notNull(),
    taxCents: money('tax_cents').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    billable: boolean('billable').notNull().default(false),
    note: text('note'),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'rejected'] })
      .notNull()
      .default('draft'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    reimbursedAt: at('reimbursed_at'),
    /** Billed to the project's client: the draft invoice's id (invoiced once, approved billable ones only). */
    invoicedAt: at('invoiced_at'),
    invoiceRef: text('invoice_ref'),
  },
  (t) => [
    tenantKey('expenses_tenant_id_key', t),
    foreignKey({
      name: 'expenses_project_fk',
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }),
    check('expenses_amounts', sql`amount_cents > 0 and tax_cents >= 0 and tax_cents <= amount_cents`),
    check('expenses_reimbursed_when_approved', sql`reimbursed_at is null or status = 'approved'`),
    check('expenses_invoice_pair', sql`(invoiced_at is null) = (invoice_ref is null)`),
    check('expenses_invoice_approved', sql`invoiced_at is null or (status = 'approved' and billable)`),
    index('expenses_user_date_idx').on(t.tenantId, t.userId, t.expenseDate, t.id),
    index('expenses_project_idx').on(t.tenantId, t.projectId, t.expenseDate),
    index('expenses_status_idx').on(t.tenantId, t.status, t.expenseDate, t.id),
  ],
);
