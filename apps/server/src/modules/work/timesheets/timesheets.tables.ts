import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../identity/index.ts';
import { projects } from '../projects/projects.tables.ts';
import { at, day, mondayOf, recordColumns, tenantKey } from '../record-columns.ts';

const APPROVAL = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** A member's week (Monday): submitted → approved / rejected. Entries of a submitted or approved week are locked. */
export const timesheetWeeks = pgTable(
  'timesheet_weeks',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekStart: day('week_start').notNull(),
    status: text('status', { enum: APPROVAL }).notNull().default('draft'),
    submittedAt: at('submitted_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    reason: text('reason'),
  },
  (t) => [
    tenantKey('timesheet_weeks_tenant_id_key', t),
    uniqueIndex('timesheet_weeks_user_week_key').on(t.tenantId, t.userId, t.weekStart),
    index('timesheet_weeks_status_idx').on(t.tenantId, t.status, t.weekStart, t.id),
    check('timesheet_weeks_monday', sql`extract(isodow from week_start) = 1`),
  ],
);

/** Booked time, in minutes (quarter hours). task_id refers to the CRM's tasks (tenant FK added in SQL). */
export const timeEntries = pgTable(
  'time_entries',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workDate: day('work_date').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull().generatedAlwaysAs(mondayOf('work_date')),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id'),
    minutes: integer('minutes').notNull(),
    billable: boolean('billable').notNull().default(true),
    note: text('note'),
    invoicedAt: at('invoiced_at'),
    invoiceRef: text('invoice_ref'),
  },
  (t) => [
    tenantKey('time_entries_tenant_id_key', t),
    foreignKey({
      name: 'time_entries_project_fk',
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }),
    check('time_entries_quarter_hours', sql`minutes > 0 and minutes <= 1440 and minutes % 15 = 0`),
    check('time_entries_invoice_pair', sql`(invoiced_at is null) = (invoice_ref is null)`),
    index('time_entries_user_date_idx').on(t.tenantId, t.userId, t.workDate, t.id),
    index('time_entries_project_date_idx').on(t.tenantId, t.projectId, t.workDate),
    index('time_entries_date_idx').on(t.tenantId, t.workDate, t.id),
  ],
);

/** Minutes booked per member and day, kept by a trigger on time_entries: its CHECK is the 24-hour rule. */
export const timeEntryDays = pgTable(
  'time_entry_days',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    workDate: day('work_date').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.workDate] }),
    check('time_entry_days_at_most_24h', sql`minutes between 0 and 1440`),
  ],
);
