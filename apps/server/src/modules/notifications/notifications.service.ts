import type {
  Notification,
  NotificationsMarkReadInput,
  notificationListQuery,
  Pagination,
} from '@tessera/contracts';
import { and, count, desc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { withTenant } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { notifications } from './tables.ts';

type Row = typeof notifications.$inferSelect;

const toNotification = (r: Row): Notification =>
  ({
    id: r.id,
    type: r.type,
    entity: r.entity,
    entityId: r.entityId,
    title: r.title,
    actorUserId: r.actorUserId,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }) as Notification;

/** The caller's own notifications in the current tenant (tenant by RLS and here; recipient here). */
const mine = (ctx: AuthedContext) =>
  and(eq(notifications.tenantId, ctx.tenantId), eq(notifications.userId, ctx.userId as string));

const afterCursor = (cursor: string) => {
  const parsed = z.tuple([z.uuid()]).safeParse(decodeCursor(cursor));
  if (!parsed.success)
    throw new AppError('VALIDATION_ERROR', 'Invalid cursor', {
      details: [{ path: 'querystring.cursor', message: 'Invalid cursor' }],
    });
  return parsed.data[0];
};

/** Newest first (UUIDv7 id = creation order), keyset on the id; `unread` keeps the unread ones. */
export const listNotifications = (
  ctx: AuthedContext,
  query: z.output<typeof notificationListQuery>,
): Promise<{ items: Notification[]; pagination: Pagination }> => {
  const after = query.cursor ? afterCursor(query.cursor) : undefined;
  const where: (SQL | undefined)[] = [
    mine(ctx),
    query.unread ? isNull(notifications.readAt) : undefined,
    after ? lt(notifications.id, after) : undefined,
  ];
  return withTenant(
    ctx.database,
    ctx.tenantId,
    async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(and(...where))
        .orderBy(desc(notifications.id))
        .limit(query.limit + 1);
      const { items, pagination } = toPage(rows, query.limit, (r) => [r.id]);
      return { items: items.map(toNotification), pagination };
    },
    ctx.userId,
  );
};

export const unreadCount = (ctx: AuthedContext): Promise<{ unread: number }> =>
  withTenant(
    ctx.database,
    ctx.tenantId,
    async (tx) => {
      const [row] = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(mine(ctx), isNull(notifications.readAt)));
      return { unread: row?.n ?? 0 };
    },
    ctx.userId,
  );

/**
 * Marks some (by id) or all of the caller's unread notifications read. Ids that are not the caller's (another
 * user's, another tenant's, unknown) are ignored: `updated` counts what changed.
 */
export const markAsRead = (
  ctx: AuthedContext,
  input: NotificationsMarkReadInput,
): Promise<{ updated: number }> =>
  withTenant(
    ctx.database,
    ctx.tenantId,
    async (tx) => {
      const rows = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            mine(ctx),
            isNull(notifications.readAt),
            'ids' in input ? inArray(notifications.id, [...new Set(input.ids)]) : undefined,
          ),
        )
        .returning({ id: notifications.id });
      return { updated: rows.length };
    },
    ctx.userId,
  );
