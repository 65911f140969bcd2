import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../../platform/db/columns.ts';
import { tenants, users } from '../../identity/index.ts';
import { schedulingAgents } from '../agents/agents.tables.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An agent's iCalendar feed: its id is signed into the feed URL (purpose `calendar-feed`); revoking sets
 * `revoked_at`, and the URL answers 404 from then on. At most one live feed per agent.
 */
export const schedulingCalendarFeeds = pgTable(
  'scheduling_calendar_feeds',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('scheduling_calendar_feeds_live_key')
      .on(t.tenantId, t.agentId)
      .where(sql`revoked_at is null`),
    index('scheduling_calendar_feeds_tenant_agent_idx').on(t.tenantId, t.agentId, t.createdAt),
    foreignKey({
      name: 'scheduling_calendar_feeds_agent_fk',
      columns: [t.tenantId, t.agentId],
      foreignColumns: [schedulingAgents.tenantId, schedulingAgents.id],
    }).onDelete('cascade'),
  ],
);
