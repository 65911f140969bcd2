import { and, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../platform/db/index.ts';
import { memberships, teamMembers, users } from '../tables.ts';

/** Active members of the tenant who share at least one team with `userId` (themselves excluded). */
export const teammateIds = async (tx: Tx, tenantId: string, userId: string): Promise<string[]> => {
  const mine = alias(teamMembers, 'mine');
  const rows = await tx
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(mine, and(eq(mine.tenantId, teamMembers.tenantId), eq(mine.teamId, teamMembers.teamId)))
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, teamMembers.tenantId), eq(memberships.userId, teamMembers.userId)),
    )
    .where(
      and(
        eq(teamMembers.tenantId, tenantId),
        eq(mine.userId, userId),
        ne(teamMembers.userId, userId),
        eq(memberships.status, 'active'),
      ),
    );
  return rows.map((r) => r.userId);
};

/** Name and e-mail of active members (for notification e-mails). */
export const memberContacts = async (
  tx: Tx,
  tenantId: string,
  userIds: readonly string[],
): Promise<{ userId: string; name: string; email: string }[]> => {
  if (userIds.length === 0) return [];
  return tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.status, 'active'),
        inArray(users.id, [...userIds]),
      ),
    );
};

/** Every active member's id, name and e-mail (mention matching); `only`: just that member (or none). */
export const activeMemberDirectory = (
  tx: Tx,
  tenantId: string,
  only?: string,
): Promise<{ userId: string; name: string; email: string }[]> =>
  tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.status, 'active'),
        only ? eq(memberships.userId, only) : undefined,
      ),
    );

/** Names of the tenant's members by user id, former members too (exports show who owned a record). */
export const memberNames = async (
  tx: Tx,
  tenantId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> => {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.tenantId, tenantId), inArray(users.id, [...userIds])));
  return new Map(rows.map((r) => [r.userId, r.name]));
};
