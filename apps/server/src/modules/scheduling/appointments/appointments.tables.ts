import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schedulingAgents } from '../agents/agents.tables.ts';
import { ownerColumn, recordColumns, tenantKey } from '../record-columns.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A booked time of an agent. blocked_from/blocked_to = start − buffer before … end + buffer after: the range the
 * exclusion constraint appointments_no_overlap (hand-written in the migration, btree_gist) keeps disjoint per
 * agent for active statuses. lead/contact/deal foreign keys to the CRM's tables are in the migration too.
 */
export const appointments = pgTable(
  'appointments',
  {
    ...recordColumns(),
    typeId: uuid('type_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    ownerId: ownerColumn(),
    leadId: uuid('lead_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    blockedFrom: at('blocked_from').notNull(),
    blockedTo: at('blocked_to').notNull(),
    timeZone: text('time_zone').notNull(),
    status: text('status', { enum: ['scheduled', 'confirmed', 'completed', 'no_show', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    locationKind: text('location_kind', { enum: ['on_site', 'office', 'phone', 'video'] }).notNull(),
    location: text('location'),
    outcome: text('outcome', { enum: ['qualified', 'not_interested', 'follow_up', 'sold', 'other'] }),
    notes: text('notes'),
    cancelReason: text('cancel_reason'),
    source: text('source', { enum: ['internal', 'public'] })
      .notNull()
      .default('internal'),
    completedAt: at('completed_at'),
  },
  (t) => [
    tenantKey('appointments_tenant_id_key', t),
    foreignKey({
      name: 'appointments_type_fk',
      columns: [t.tenantId, t.typeId],
      foreignColumns: [appointmentTypes.tenantId, appointmentTypes.id],
    }),
    foreignKey({
      name: 'appointments_agent_fk',
      columns: [t.tenantId, t.agentId],
      foreignColumns: [schedulingAgents.tenantId, schedulingAgents.id],
    }),
    check(
      'appointments_order',
      sql`blocked_from <= starts_at and starts_at < ends_at and ends_at <= blocked_to`,
    ),
    check(
      'appointments_buffers',
      sql`blocked_from = starts_at - make_interval(mins => buffer_before_minutes) and blocked_to = ends_at + make_interval(mins => buffer_after_minutes)`,
    ),
    check('appointments_one_party', sql`num_nonnulls(lead_id, contact_id) = 1`),
    check('appointments_outcome_when_completed', sql`(status = 'completed') = (outcome is not null)`),
    index('appointments_tenant_agent_blocked_idx').on(t.tenantId, t.agentId, t.blockedFrom),
    index('appointments_tenant_starts_idx').on(t.tenantId, t.startsAt, t.id),
    index('appointments_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('appointments_tenant_owner_starts_idx').on(t.tenantId, t.ownerId, t.startsAt),
    index('appointments_tenant_lead_idx').on(t.tenantId, t.leadId),
    index('appointments_tenant_contact_idx').on(t.tenantId, t.contactId),
    index('appointments_tenant_deal_idx').on(t.tenantId, t.dealId),
  ],
);
