import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.ts';
import { tenants, users } from '../identity/index.ts';

/**
 * In-app notifications, one row per recipient, created by the notifications event consumer. `event_id` makes the
 * consumer idempotent (one notification per event and recipient). Lists are newest first by `id` (UUIDv7).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    entity: text('entity', { enum: ['lead', 'task', 'deal', 'activity'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title'),
    actorUserId: uuid('actor_user_id'),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_tenant_event_user_key').on(t.tenantId, t.eventId, t.userId),
    index('notifications_tenant_user_id_idx').on(t.tenantId, t.userId, t.id.desc()),
    index('notifications_tenant_user_unread_idx')
      .on(t.tenantId, t.userId, t.id.desc())
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * Per-user choices per notification type: in-app on/off and e-mail `off` | `instant` | `digest`. A missing row
 * means the defaults (in-app on, e-mail off), so only changed types are stored.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    inApp: boolean('in_app').notNull(),
    email: text('email', { enum: ['off', 'instant', 'digest'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.type] })],
);

/** One row per user and UTC day a digest was queued for: the digest job's idempotency (a retry sends nothing). */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    items: integer('items').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.day] })],
);
