import type { Tx } from '../db/database.ts';
import { auditLogs, type FieldChanges } from './tables.ts';

/** Who did it and from where: taken from the request context. */
export interface AuditActor {
  tenantId: string;
  userId: string | null;
  apiKeyId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | null;
  changes?: FieldChanges | null;
}

/** Writes one audit row inside the caller's transaction: it commits or rolls back with the change itself. */
export const writeAudit = async (tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> => {
  await tx.insert(auditLogs).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    changes: entry.changes && Object.keys(entry.changes).length > 0 ? entry.changes : null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
    requestId: actor.requestId ?? null,
  });
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const SECRET = /password|secret|token|hash/i;

/**
 * Field-level changes `{ field: { from, to } }` between two versions of a record, for the given fields
 * (all keys of `after` by default). Secret-looking fields are recorded as changed but never with values.
 */
export const diffChanges = <T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[] = Object.keys(after) as (keyof T & string)[],
): FieldChanges => {
  const changes: FieldChanges = {};
  for (const f of fields) {
    const from = before?.[f] ?? null;
    const to = after[f] ?? null;
    if (same(from, to)) continue;
    changes[f] = SECRET.test(f) ? { from: '[redacted]', to: '[redacted]' } : { from, to };
  }
  return changes;
};
