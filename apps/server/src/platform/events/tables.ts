import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.ts';

/**
 * Transactional outbox of domain events. `emit()` inserts a row in the caller's tenant transaction; a deferred
 * trigger (migration `events_outbox_rls`) gives it the tenant's next `seq` at commit, so `seq` is the commit order
 * within a tenant, without gaps. The dispatcher hands rows to consumers and deletes them once every consumer has
 * them. The app role may only insert (RLS checks the tenant).
 */
export const eventOutbox = pgTable(
  'event_outbox',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id').notNull(),
    /** Set at commit by the trigger; null only inside the emitting transaction. */
    seq: bigint('seq', { mode: 'number' }),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
    /** Failed deliveries of this event so far (any consumer); the tenant's stream waits until `availableAt`. */
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('event_outbox_tenant_seq_key').on(t.tenantId, t.seq),
    index('event_outbox_committed_idx').on(t.committedAt),
  ],
);

/** The last `seq` given out per tenant (locked for an instant at each emitting commit). */
export const eventTenantSequences = pgTable('event_tenant_sequences', {
  tenantId: uuid('tenant_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

/**
 * Which consumer already has which event: written in the same transaction as the consumer's own work, so a
 * redelivered event is skipped for the consumers that have it. `dead`: given up after too many failures.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => eventOutbox.id, { onDelete: 'cascade' }),
    consumer: text('consumer').notNull(),
    status: text('status', { enum: ['delivered', 'dead'] }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.eventId, t.consumer] })],
);
