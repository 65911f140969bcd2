import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import { day, money, recordColumns, tenantKey } from '../record-columns.ts';

/** Projects. company_id / contact_id refer to the CRM's companies and contacts (tenant FKs added in SQL). */
export const projects = pgTable(
  'projects',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: ['planned', 'active', 'on_hold', 'completed', 'cancelled'] })
      .notNull()
      .default('planned'),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    managerId: uuid('manager_id').references(() => users.id, { onDelete: 'set null' }),
    startDate: day('start_date'),
    endDate: day('end_date'),
    budgetMinutes: integer('budget_minutes'),
    budgetCents: money('budget_cents'),
    currency: text('currency').notNull().default('USD'),
    billingMode: text('billing_mode', { enum: ['fixed_price', 'time_and_materials', 'non_billable'] })
      .notNull()
      .default('time_and_materials'),
    defaultRateCents: money('default_rate_cents'),
    roleRates: jsonb('role_rates').$type<Record<string, number>>().notNull().default({}),
    description: text('description'),
    searchText: text('search_text').generatedAlwaysAs(sql`lower(coalesce(name, '') || ' ' || code)`),
  },
  (t) => [
    tenantKey('projects_tenant_id_key', t),
    uniqueIndex('projects_tenant_code_key').on(t.tenantId, sql`lower(${t.code})`),
    check('projects_end_after_start', sql`end_date is null or start_date is null or end_date >= start_date`),
    check(
      'projects_budget_not_negative',
      sql`coalesce(budget_minutes, 0) >= 0 and coalesce(budget_cents, 0) >= 0`,
    ),
    index('projects_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`, t.id),
    index('projects_tenant_start_idx').on(t.tenantId, t.startDate, t.id),
    index('projects_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('projects_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const milestones = pgTable(
  'project_milestones',
  {
    ...recordColumns(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    dueDate: day('due_date'),
    amountCents: money('amount_cents'),
    status: text('status', { enum: ['open', 'reached', 'billed'] })
      .notNull()
      .default('open'),
    /** The draft invoice made for it (POST projects/:id/milestones/:milestoneId/invoice): set exactly when billed. */
    invoiceRef: text('invoice_ref'),
  },
  (t) => [
    tenantKey('project_milestones_tenant_id_key', t),
    check('project_milestones_billed_invoiced', sql`(status = 'billed') = (invoice_ref is not null)`),
    // Target of the tasks' (tenant, project, milestone) foreign key: a task's milestone is one of its project's.
    uniqueIndex('project_milestones_project_key').on(t.tenantId, t.projectId, t.id),
    foreignKey({
      name: 'project_milestones_project_fk',
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete('cascade'),
    index('project_milestones_project_idx').on(t.tenantId, t.projectId, t.dueDate, t.id),
  ],
);
