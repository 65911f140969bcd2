import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

const { recordColumns } = recordColumnsFor({ tenantId: () => tenants.id, userId: () => users.id });

/**
 * A member's scheduled report e-mail: a KPI with its grouping and filters, weekly (on `weekday`) or monthly.
 * The `reporting.report-emails` job sends the period just ended as that member and moves `next_run_at` on,
 * in the transaction that queues the mail (`last_sent_period` = the period's first day).
 */
export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kpi: text('kpi').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    frequency: text('frequency', { enum: ['weekly', 'monthly'] }).notNull(),
    /** ISO weekday (1 = Monday) of a weekly report; null for monthly. */
    weekday: smallint('weekday'),
    active: boolean('active').notNull().default(true),
    pausedReason: text('paused_reason'),
    nextRunAt: timestamp('next_run_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSentPeriod: date('last_sent_period', { mode: 'string' }),
  },
  (t) => [
    index('report_subscriptions_tenant_user_idx').on(t.tenantId, t.userId),
    index('report_subscriptions_due_idx').on(t.nextRunAt).where(sql`${t.active}`),
    check(
      'report_subscriptions_weekday',
      sql`(${t.frequency} = 'weekly' and ${t.weekday} between 1 and 7) or (${t.frequency} = 'monthly' and ${t.weekday} is null)`,
    ),
  ],
);
