import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { memberships, roles } from '../tables.ts';

/** The role (id and template key, null for a custom role) of an active member, inside a tenant transaction. */
export const memberRole = async (
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<{ id: string; key: string | null } | undefined> =>
  (
    await tx
      .select({ id: roles.id, key: roles.key })
      .from(memberships)
      .innerJoin(roles, and(eq(roles.tenantId, memberships.tenantId), eq(roles.id, memberships.roleId)))
      .where(
        and(
          eq(memberships.tenantId, tenantId),
          eq(memberships.userId, userId),
          eq(memberships.status, 'active'),
        ),
      )
  )[0];
