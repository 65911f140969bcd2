import {
  NOTIFICATION_TYPES,
  type NotificationPreference,
  type NotificationPreferencesInput,
  type NotificationType,
} from '@tessera/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { type Tx, withTenant } from '../../platform/db/index.ts';
import { notificationPreferences } from './tables.ts';

type Choice = Omit<NotificationPreference, 'type'>;

/** What a user gets when they never chose: in-app on, e-mail off. */
export const DEFAULT_PREFERENCE: Choice = { inApp: true, email: 'off' };

const readMine = async (tx: Tx, tenantId: string, userId: string): Promise<NotificationPreference[]> => {
  const rows = await tx
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.userId, userId)));
  const byType = new Map(rows.map((r) => [r.type, r]));
  return NOTIFICATION_TYPES.map((type) => {
    const r = byType.get(type);
    return { type, ...(r ? { inApp: r.inApp, email: r.email } : DEFAULT_PREFERENCE) };
  });
};

/** Every notification type with the caller's choice (or the default). */
export const getPreferences = (ctx: AuthedContext): Promise<{ items: NotificationPreference[] }> =>
  withTenant(
    ctx.database,
    ctx.tenantId,
    async (tx) => ({ items: await readMine(tx, ctx.tenantId, ctx.userId as string) }),
    ctx.userId,
  );

/** Stores the caller's choices for the given types (upsert); the other types keep theirs. */
export const putPreferences = (
  ctx: AuthedContext,
  input: NotificationPreferencesInput,
): Promise<{ items: NotificationPreference[] }> =>
  withTenant(
    ctx.database,
    ctx.tenantId,
    async (tx) => {
      const userId = ctx.userId as string;
      await tx
        .insert(notificationPreferences)
        .values(input.items.map((i) => ({ tenantId: ctx.tenantId, userId, ...i })))
        .onConflictDoUpdate({
          target: [
            notificationPreferences.tenantId,
            notificationPreferences.userId,
            notificationPreferences.type,
          ],
          set: {
            inApp: sql`excluded.in_app`,
            email: sql`excluded.email`,
            updatedAt: sql`now()`,
          },
        });
      return { items: await readMine(tx, ctx.tenantId, userId) };
    },
    ctx.userId,
  );

/** The choices of several users for one type (defaults filled in), inside the caller's tenant transaction. */
export const choicesFor = async (
  tx: Tx,
  tenantId: string,
  type: NotificationType,
  userIds: readonly string[],
): Promise<Map<string, Choice>> => {
  const rows =
    userIds.length === 0
      ? []
      : await tx
          .select()
          .from(notificationPreferences)
          .where(
            and(
              eq(notificationPreferences.tenantId, tenantId),
              eq(notificationPreferences.type, type),
              inArray(notificationPreferences.userId, [...userIds]),
            ),
          );
  const byUser = new Map(rows.map((r) => [r.userId, { inApp: r.inApp, email: r.email }]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? DEFAULT_PREFERENCE]));
};
