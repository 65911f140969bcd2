import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn } from '../../../platform/db/columns.ts';
import { roles, tenants, users } from '../../identity/index.ts';
import { productCategories } from '../catalog/catalog.tables.ts';
import { salesDocuments } from '../documents/documents.tables.ts';
import { money, recordColumns, tenantKey } from '../record-columns.ts';

/**
 * Commission rules: a percentage of the paid net amount for one agent or every member of a role, optionally only
 * for one product category, with tiers by the agent's period volume. Tenant configuration (no owner).
 */
export const commissionRules = pgTable(
  'commission_rules',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id'),
    categoryId: uuid('category_id'),
    rateBp: integer('rate_bp').notNull(),
    /** `[{ fromCents, rateBp }]`, ascending. */
    tiers: jsonb('tiers').$type<{ fromCents: number; rateBp: number }[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    tenantKey('commission_rules_tenant_id_key', t),
    foreignKey({
      name: 'commission_rules_role_fk',
      columns: [t.tenantId, t.roleId],
      foreignColumns: [roles.tenantId, roles.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'commission_rules_category_fk',
      columns: [t.tenantId, t.categoryId],
      foreignColumns: [productCategories.tenantId, productCategories.id],
    }),
    check('commission_rules_rate', sql`rate_bp between 0 and 10000`),
    check('commission_rules_one_target', sql`(user_id is null) <> (role_id is null)`),
    check('commission_rules_name_length', sql`char_length(name) between 1 and 200`),
  ],
);

/**
 * What an agent earned (positive) or gave back (negative) on an invoice, one row per change of its paid net
 * amount and rule. Written only by the invoice's settlement (payment, payment deletion, credit note), inside
 * that transaction with the invoice row locked: the rows of an invoice always add up to its current commission.
 */
export const commissionLines = pgTable(
  'commission_lines',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    /** The first day of the month the change happened in (the statement period). */
    period: date('period', { mode: 'string' }).notNull(),
    baseCents: money('base_cents').notNull(),
    rateBp: integer('rate_bp').notNull(),
    amountCents: money('amount_cents').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey('commission_lines_tenant_id_key', t),
    index('commission_lines_tenant_user_period_idx').on(t.tenantId, t.userId, t.period),
    index('commission_lines_tenant_invoice_idx').on(t.tenantId, t.invoiceId),
    foreignKey({
      name: 'commission_lines_invoice_fk',
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [salesDocuments.tenantId, salesDocuments.id],
    }),
    foreignKey({
      name: 'commission_lines_rule_fk',
      columns: [t.tenantId, t.ruleId],
      foreignColumns: [commissionRules.tenantId, commissionRules.id],
    }),
    check('commission_lines_period_month_start', sql`extract(day from period) = 1`),
  ],
);
