import type { Permission } from '@tessera/contracts';
import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import { effectivePermissions, type Principal } from '../../../platform/access/index.ts';
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

/**
 * What an active member may do now (role permissions ∪ grants − denials, and the role's record scopes), or
 * null when they are not an active member: for requests that carry no session, such as signed download
 * links, which must still obey the member's current rights.
 */
export const activeMemberRights = async (
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<{ permissions: Set<Permission>; scopes: Principal['scopes'] } | null> => {
  const [row] = await tx
    .select({
      rolePermissions: roles.permissions,
      scopes: roles.scopes,
      grants: memberships.grants,
      denials: memberships.denials,
    })
    .from(memberships)
    .innerJoin(roles, and(eq(roles.id, memberships.roleId), eq(roles.tenantId, memberships.tenantId)))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
      ),
    );
  if (!row) return null;
  return {
    permissions: effectivePermissions(row.rolePermissions, row.grants ?? [], row.denials ?? []),
    scopes: (row.scopes ?? {}) as Principal['scopes'],
  };
};
