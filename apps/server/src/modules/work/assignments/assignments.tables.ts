import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../identity/index.ts';
import { projects } from '../projects/projects.tables.ts';
import { day, money, recordColumns, tenantKey } from '../record-columns.ts';

/** A member on a project for a period: a percent of their capacity or hours per week (exactly one). */
export const assignments = pgTable(
  'project_assignments',
  {
    ...recordColumns(),
    projectId: uuid('project_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role'),
    allocationPercent: numeric('allocation_percent', { precision: 5, scale: 1, mode: 'number' }),
    minutesPerWeek: integer('minutes_per_week'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    rateCents: money('rate_cents'),
  },
  (t) => [
    tenantKey('project_assignments_tenant_id_key', t),
    foreignKey({
      name: 'project_assignments_project_fk',
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete('cascade'),
    check('project_assignments_end_after_start', sql`end_date >= start_date`),
    check(
      'project_assignments_one_allocation',
      sql`num_nonnulls(allocation_percent, minutes_per_week) = 1 and coalesce(allocation_percent, 1) > 0 and coalesce(minutes_per_week, 1) > 0`,
    ),
    index('project_assignments_project_idx').on(t.tenantId, t.projectId, t.startDate, t.id),
    index('project_assignments_user_idx').on(t.tenantId, t.userId, t.startDate),
  ],
);

/** A member's working hours per week (capacity for utilisation); absent = the default (40 h). */
export const memberCapacities = pgTable(
  'member_capacities',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    minutesPerWeek: integer('minutes_per_week').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    check('member_capacities_range', sql`minutes_per_week between 0 and 4800`),
  ],
);
