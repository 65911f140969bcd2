import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { memberships, roles, users } from '../tables.ts';

/** Which of `userIds` are active members of the tenant (other modules validate owner/assignee ids with it). */
export const activeMemberIds = async (
  tx: Tx,
  tenantId: string,
  userIds: readonly string[],
): Promise<Set<string>> => {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        inArray(memberships.userId, [...userIds]),
        eq(memberships.status, 'active'),
      ),
    );
  return new Set(rows.map((r) => r.userId));
};

/** Active members whose role grants `permission`, with their e-mail (who to tell about a module's problem). */
export const membersWithPermission = (
  tx: Tx,
  tenantId: string,
  permission: string,
): Promise<{ userId: string; email: string }[]> =>
  tx
    .select({ userId: memberships.userId, email: users.email })
    .from(memberships)
    .innerJoin(roles, and(eq(roles.id, memberships.roleId), eq(roles.tenantId, memberships.tenantId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.status, 'active'),
        arrayContains(roles.permissions, [permission]),
      ),
    );
