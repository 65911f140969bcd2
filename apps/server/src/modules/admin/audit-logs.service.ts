import type { AuditLog, auditLogQuery, Pagination } from '@tessera/contracts';
import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLogs } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decodeCursor, invalidCursor, toPage } from '../../platform/http/pagination.ts';
import { inTenant } from '../../platform/records/index.ts';
import { users } from '../identity/index.ts';

export type AuditLogListQuery = z.output<typeof auditLogQuery>;

/** created_at at full (microsecond) precision, so the cursor is exact even for rows written in one transaction. */
const createdAtText = sql<string>`to_char(${auditLogs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.guid()]);

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });

const afterCursor = (cursor: string) => {
  const parsed = cursorSchema.safeParse(decodeCursor(cursor));
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data[0]))) {
    throw invalidCursor();
  }
  return parsed.data;
};

/**
 * The tenant's audit log, newest first, keyset-paginated on (created_at desc, id desc). Filters: actor, action,
 * target type and id (exact), and a time window `from` ≤ created_at ≤ `to`.
 */
export const listAuditLogs = (
  ctx: AuthedContext,
  query: AuditLogListQuery,
): Promise<{ items: AuditLog[]; pagination: Pagination }> => {
  const after = query.cursor ? afterCursor(query.cursor) : undefined;
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
    throw invalid('querystring.from', '`from` must not be after `to`');
  }
  const where: (SQL | undefined)[] = [
    eq(auditLogs.tenantId, ctx.tenantId),
    query.actorUserId ? eq(auditLogs.actorUserId, query.actorUserId) : undefined,
    query.action ? eq(auditLogs.action, query.action) : undefined,
    query.targetType ? eq(auditLogs.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditLogs.targetId, query.targetId) : undefined,
    query.from ? gte(auditLogs.createdAt, new Date(query.from)) : undefined,
    query.to ? lte(auditLogs.createdAt, new Date(query.to)) : undefined,
    after
      ? sql`(${auditLogs.createdAt}, ${auditLogs.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : undefined,
  ];
  return inTenant(ctx, async (tx) => {
    const rows = await tx
      .select({ log: auditLogs, actorName: users.name, cursorAt: createdAtText })
      .from(auditLogs)
      // RLS lets the app role read the users who are members of this tenant (and itself).
      .leftJoin(users, eq(users.id, auditLogs.actorUserId))
      .where(and(...where))
      .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
      .limit(query.limit + 1);
    const { items, pagination } = toPage(rows, query.limit, (r) => [r.cursorAt, r.log.id]);
    return {
      items: items.map(({ log, actorName }) => ({
        id: log.id,
        actorUserId: log.actorUserId,
        actorName: actorName ?? null,
        actorApiKeyId: log.actorApiKeyId,
        action: log.action,
        targetType: log.targetType,
        targetId: log.targetId,
        changes: log.changes ?? null,
        ip: log.ip,
        userAgent: log.userAgent,
        requestId: log.requestId,
        createdAt: log.createdAt.toISOString(),
      })),
      pagination,
    };
  });
};
