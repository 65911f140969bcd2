import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../../platform/auth/index.ts';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { memberships, roles, users } from '../tables.ts';

/** A person to add: a new user (email, name, password) or an existing one (`userId`). */
export type DirectMemberPerson = { email: string; name: string; password: string } | { userId: string };

/** Their role in the tenant: a system role template key (manager, sales, dispatch…) or a role id. */
export type DirectMember = DirectMemberPerson & ({ roleKey: string } | { roleId: string });

/**
 * The one way to add members without the invitation flow (demo seed, data generator, test factories): a new
 * person's user row through the owner connection (the application role may not create users, as in sign-up),
 * then every membership in one tenant transaction. No e-mail, no audit. Returns the user ids in order.
 */
export const addMembersDirectly = async (
  database: Database,
  tenantId: string,
  people: readonly DirectMember[],
): Promise<string[]> => {
  const ids: string[] = [];
  for (const person of people) {
    if ('userId' in person) {
      ids.push(person.userId);
      continue;
    }
    const [user] = await database.db
      .insert(users)
      .values({
        email: person.email.toLowerCase(),
        name: person.name,
        passwordHash: await hashPassword(person.password),
      })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    ids.push(user.id);
  }
  await withTenant(database, tenantId, async (tx) => {
    for (const [i, person] of people.entries()) {
      let roleId: string;
      if ('roleId' in person) roleId = person.roleId;
      else {
        const [role] = await tx
          .select({ id: roles.id })
          .from(roles)
          .where(and(eq(roles.tenantId, tenantId), eq(roles.key, person.roleKey)));
        if (!role) throw new Error(`no "${person.roleKey}" role in tenant ${tenantId}`);
        roleId = role.id;
      }
      await tx.insert(memberships).values({ tenantId, userId: ids[i] as string, roleId });
    }
  });
  return ids;
};

/** The tenant's active members' user ids (owners first, then by join date). */
export const activeMemberUserIds = (database: Database, tenantId: string): Promise<string[]> =>
  withTenant(database, tenantId, async (tx) => {
    const rows = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.status, 'active')))
      .orderBy(desc(sql`${roles.key} = 'owner'`), asc(memberships.createdAt), asc(memberships.userId));
    return rows.map((r) => r.userId);
  });
