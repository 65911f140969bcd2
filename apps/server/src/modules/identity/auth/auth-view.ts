import type { AuthSession, Me, MembershipSummary, User } from '@tessera/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Principal } from '../../../platform/access/index.ts';
import { type Database, type Tx, withTenant, withUser } from '../../../platform/db/index.ts';
import { memberships, roles, tenants, users } from '../tables.ts';

type UserRow = typeof users.$inferSelect;

export const toUser = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  totpEnabled: u.totpEnabled,
  createdAt: u.createdAt.toISOString(),
});

/** The user's memberships in every tenant (their own rows only: policy member_self). */
export const listOwnMemberships = async (tx: Tx, userId: string): Promise<MembershipSummary[]> =>
  tx
    .select({
      tenantId: memberships.tenantId,
      tenantName: tenants.name,
      roleId: memberships.roleId,
      roleName: roles.name,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.userId, userId), eq(tenants.status, 'active')))
    .orderBy(asc(memberships.createdAt));

/** Reads a user as themselves. */
export const loadUser = async (database: Database, userId: string): Promise<UserRow | undefined> =>
  withUser(database, userId, async (tx) => (await tx.select().from(users).where(eq(users.id, userId)))[0]);

export const buildAuthSession = async (
  database: Database,
  userId: string,
  tenantId: string,
  csrfToken: string,
): Promise<AuthSession> =>
  withUser(database, userId, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const all = await listOwnMemberships(tx, userId);
    const current = all.find((m) => m.tenantId === tenantId);
    if (!user || !current) throw new Error('session user or tenant vanished');
    return {
      user: toUser(user),
      tenant: { id: tenantId, name: current.tenantName },
      memberships: all,
      csrfToken,
    };
  });

export const buildMe = async (
  database: Database,
  auth: Principal,
  csrfToken: string | undefined,
): Promise<Me> => {
  if (!auth.userId) throw new Error('me needs a user');
  const userId = auth.userId;
  return withTenant(
    database,
    auth.tenantId,
    async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      const all = await listOwnMemberships(tx, userId);
      const current = all.find((m) => m.tenantId === auth.tenantId);
      if (!user || !current) throw new Error('session user or tenant vanished');
      return {
        user: toUser(user),
        tenant: { id: auth.tenantId, name: current.tenantName },
        role: { id: current.roleId, name: current.roleName },
        permissions: [...auth.permissions].sort(),
        memberships: all,
        ...(csrfToken ? { csrfToken } : {}),
      };
    },
    userId,
  );
};
