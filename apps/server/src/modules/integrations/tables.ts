import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.ts';
import { tenants } from '../identity/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** Outgoing webhook subscriptions. Secrets are stored sealed (secret box); the previous one while rotating. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: idColumn(),
    tenantId: tenantId(),
    url: text('url').notNull(),
    eventTypes: text('event_types').array().notNull(),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: ts('previous_secret_until'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    disabledReason: text('disabled_reason'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index('webhook_subscriptions_tenant_idx').on(t.tenantId, t.id)],
);

/** One delivery of one event to one subscription; the delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    tenantId: tenantId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent (the same on every attempt and replay). */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms'),
    responseBody: text('response_body'),
    error: text('error'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_subscription_event_key').on(t.tenantId, t.subscriptionId, t.eventId),
    index('webhook_deliveries_tenant_id_idx').on(t.tenantId, t.id.desc()),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Incoming lead-capture endpoints: `POST /api/hooks/<token>`; only the token's SHA-256 is stored. */
export const inboundEndpoints = pgTable(
  'inbound_endpoints',
  {
    id: idColumn(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    secret: text('secret').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    externalIdField: text('external_id_field'),
    source: text('source'),
    vendorId: uuid('vendor_id'),
    ownerId: uuid('owner_id'),
    createdBy: uuid('created_by'),
    verifySignature: boolean('verify_signature').notNull().default(false),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(60),
    revokedAt: ts('revoked_at'),
    ...timestamps(),
    version: versionColumn(),
  },
  // The hook looks endpoints up by token hash before the tenant is known (plain index); a 192-bit random token
  // does not collide, and the unique key stays per tenant (no unique violation reveals another tenant's row).
  (t) => [
    uniqueIndex('inbound_endpoints_tenant_token_hash_key').on(t.tenantId, t.tokenHash),
    index('inbound_endpoints_token_hash_idx').on(t.tokenHash),
  ],
);

/** Each call of an inbound endpoint with its outcome; `(endpoint, external_id)` makes creation idempotent. */
export const inboundCalls = pgTable(
  'inbound_calls',
  {
    id: idColumn(),
    tenantId: tenantId(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => inboundEndpoints.id, { onDelete: 'cascade' }),
    outcome: text('outcome', {
      enum: ['created', 'duplicate', 'invalid', 'bad_signature', 'rate_limited', 'error'],
    }).notNull(),
    externalId: text('external_id'),
    leadId: uuid('lead_id'),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbound_calls_endpoint_external_key')
      .on(t.tenantId, t.endpointId, t.externalId)
      .where(sql`${t.outcome} = 'created'`),
    index('inbound_calls_endpoint_created_idx').on(t.endpointId, t.createdAt),
    index('inbound_calls_tenant_id_idx').on(t.tenantId, t.id.desc()),
  ],
);
