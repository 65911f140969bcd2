import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { memberships } from '../tables.ts';

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
