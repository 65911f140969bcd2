import { getTenantSettings, initTenantSettings } from '../modules/admin/index.ts';
import {
  addMembersDirectly,
  createTenant,
  type DirectMember,
  type DirectMemberPerson,
  type Tenant,
} from '../modules/identity/index.ts';
import { type Database, withTenant } from '../platform/db/index.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}`;

/** A tenant with its settings row. Shared by tests and the demo seed; every field can be overridden. */
export const makeTenant = async (
  database: Database,
  overrides: Partial<{ name: string; slug: string; currency: string }> = {},
): Promise<Tenant> => {
  const suffix = unique();
  const tenant = await createTenant(database.db, {
    name: overrides.name ?? `Test Company ${suffix}`,
    slug: overrides.slug ?? `test-${suffix}`,
  });
  await withTenant(database, tenant.id, async (tx) => {
    if (!(await getTenantSettings(tx, tenant.id))) {
      await initTenantSettings(tx, tenant.id, overrides.currency ? { currency: overrides.currency } : {});
    }
  });
  return tenant;
};

/** What a member factory may override: a new person's fields, or an existing `userId`; a role key or id. */
export interface MemberOverrides {
  email?: string;
  name?: string;
  password?: string;
  userId?: string;
  roleKey?: string;
  roleId?: string;
}

/** A new person's defaults: a unique e-mail, a name, a password, the `sales` role. */
const withDefaults = (o: MemberOverrides): DirectMember => {
  const person: DirectMemberPerson = o.userId
    ? { userId: o.userId }
    : {
        email: o.email ?? `member.${unique()}@example.test`,
        name: o.name ?? 'Test Member',
        password: o.password ?? 'correct horse battery staple',
      };
  return { ...person, ...(o.roleId ? { roleId: o.roleId } : { roleKey: o.roleKey ?? 'sales' }) };
};

/**
 * Members of a tenant, added directly (no invitation e-mail) through identity's `addMembersDirectly`: the one
 * way the demo seed, the data generator and the tests add people. Each entry overrides the defaults (a new
 * person with a unique e-mail and the `sales` role; `userId` adds an existing user). Returns the user ids.
 */
export const makeMembers = (
  database: Database,
  tenantId: string,
  people: readonly MemberOverrides[],
): Promise<string[]> => addMembersDirectly(database, tenantId, people.map(withDefaults));

/** One member (see makeMembers); returns the user id. */
export const makeMember = async (
  database: Database,
  tenantId: string,
  overrides: MemberOverrides = {},
): Promise<string> => (await makeMembers(database, tenantId, [overrides]))[0] as string;
