import { sql } from 'drizzle-orm';
import { users } from '../modules/identity/index.ts';
import { hashPassword } from '../platform/auth/index.ts';
import { newId } from '../platform/db/columns.ts';
import { type Database, withTenant } from '../platform/db/index.ts';

export interface SeedPerson {
  email: string;
  name: string;
  password: string;
  /** System role template key: manager, sales, dispatch… */
  roleKey: string;
}

/**
 * Adds people to a tenant directly (no invitation e-mail): their user row through the owner connection (the
 * application role may not create users, as in sign-up), then their membership with the tenant's system role
 * inside a tenant transaction. Seed and benchmark data only. Returns the user ids in order.
 */
export const addMembers = async (
  database: Database,
  tenantId: string,
  people: readonly SeedPerson[],
): Promise<string[]> => {
  const ids: string[] = [];
  for (const person of people) {
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
      // The identity module exports no role/membership tables (module boundary): plain SQL on its schema.
      const inserted = (await tx.execute(sql`
        insert into memberships (id, tenant_id, user_id, role_id)
        select ${newId()}, ${tenantId}, ${ids[i]}, r.id from roles r
        where r.tenant_id = ${tenantId} and r.key = ${person.roleKey}
        returning id`)) as unknown as { rows: unknown[] };
      if (inserted.rows.length !== 1) throw new Error(`no "${person.roleKey}" role in tenant ${tenantId}`);
    }
  });
  return ids;
};

/** The tenant's active members' user ids (owners first, then by join date). */
export const activeMemberUserIds = (database: Database, tenantId: string): Promise<string[]> =>
  withTenant(database, tenantId, async (tx) => {
    const result = (await tx.execute(sql`
      select m.user_id from memberships m join roles r on r.id = m.role_id
      where m.tenant_id = ${tenantId} and m.status = 'active'
      order by (r.key = 'owner') desc, m.created_at, m.user_id`)) as unknown as {
      rows: { user_id: string }[];
    };
    return result.rows.map((r) => r.user_id);
  });
