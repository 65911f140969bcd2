import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.ts';

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Append-only record of critical actions (the app role may insert and read, never update or delete). */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    changes: jsonb('changes').$type<FieldChanges>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_logs_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('audit_logs_tenant_target_idx').on(t.tenantId, t.targetType, t.targetId),
    index('audit_logs_tenant_actor_idx').on(t.tenantId, t.actorUserId),
    index('audit_logs_tenant_action_idx').on(t.tenantId, t.action),
  ],
);
