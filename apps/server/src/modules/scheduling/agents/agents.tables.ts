import type { DatedRange, WeeklyRange } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import { recordColumns, tenantKey } from '../record-columns.ts';

const labels = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** A member who takes appointments: zone, weekly hours, breaks, days off / extra days, territory, skills. */
export const schedulingAgents = pgTable(
  'scheduling_agents',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull(),
    weeklyHours: jsonb('weekly_hours').$type<WeeklyRange[]>().notNull().default([]),
    breaks: jsonb('breaks').$type<WeeklyRange[]>().notNull().default([]),
    datesOff: text('dates_off').array().notNull().default(sql`'{}'::text[]`),
    extraDates: jsonb('extra_dates').$type<DatedRange[]>().notNull().default([]),
    postalPrefixes: labels('postal_prefixes'),
    regions: labels('regions'),
    skills: labels('skills'),
    priority: integer('priority').notNull().default(100),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    tenantKey('scheduling_agents_tenant_id_key', t),
    uniqueIndex('scheduling_agents_tenant_user_key').on(t.tenantId, t.userId),
    index('scheduling_agents_tenant_priority_idx').on(t.tenantId, t.priority, t.id),
    index('scheduling_agents_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('scheduling_agents_priority_range', sql`priority between 0 and 1000`),
    check(
      'scheduling_agents_hours_array',
      sql`jsonb_typeof(weekly_hours) = 'array' and jsonb_typeof(breaks) = 'array' and jsonb_typeof(extra_dates) = 'array'`,
    ),
  ],
);
