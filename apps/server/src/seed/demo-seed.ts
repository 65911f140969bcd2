import { eq } from 'drizzle-orm';
import { seedCrmDemo } from '../modules/crm/index.ts';
import { seedFieldDemo } from '../modules/field/index.ts';
import { type IdentityDeps, signup, users } from '../modules/identity/index.ts';
import { seedSalesDemo } from '../modules/sales/index.ts';
import { seedSchedulingDemo } from '../modules/scheduling/index.ts';
import { seedWorkDemo } from '../modules/work/index.ts';
import { makeMembers } from './factories.ts';

export const DEMO = {
  tenantName: 'Demo Services Co',
  name: 'Olivia Owner',
  email: 'owner@demo.tessera.test',
  password: 'tessera-demo-2026',
} as const;

/** The demo company's team besides the owner; they sign in with the same (public) demo password. */
export const DEMO_MEMBERS = [
  { email: 'manager@demo.tessera.test', name: 'Marcus Reed', roleKey: 'manager' },
  { email: 'sales1@demo.tessera.test', name: 'Sofia Alvarez', roleKey: 'sales' },
  { email: 'sales2@demo.tessera.test', name: 'Sam Okafor', roleKey: 'sales' },
  { email: 'dispatch@demo.tessera.test', name: 'Dana Kowalski', roleKey: 'dispatch' },
  // The customer portal (ADR 0035): a client of the demo company's first customer company.
  { email: 'customer@demo.tessera.test', name: 'Chris Client', roleKey: 'customer' },
] as const;

/**
 * Each module's demo seeder (exported from its index.ts, writing only its own tables), in dependency order.
 * A new module adds its seeder here.
 */
const DEMO_SEEDERS = [seedCrmDemo, seedFieldDemo, seedSchedulingDemo, seedWorkDemo, seedSalesDemo] as const;

/**
 * Creates the demo company once (safe to run again): its owner, a manager, two sales agents, a dispatcher and a
 * portal customer,
 * and the demo data of every module that has a seeder (DEMO_SEEDERS). Returns the credentials; `created` tells whether it happened now.
 */
export const seedDemo = async (
  deps: IdentityDeps,
): Promise<{
  created: boolean;
  email: string;
  password: string;
  members: { email: string; role: string }[];
}> => {
  const [existing] = await deps.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.email));
  if (!existing) {
    const { tenantId, userId } = await signup(deps, DEMO, {
      ip: null,
      userAgent: 'seed',
      requestId: 'seed',
    });
    const [manager, sales1, sales2, dispatcher, customer] = await makeMembers(
      deps.database,
      tenantId,
      DEMO_MEMBERS.map((m) => ({ ...m, password: DEMO.password })),
    );
    if (!manager || !sales1 || !sales2 || !dispatcher || !customer) throw new Error('demo members missing');
    for (const seed of DEMO_SEEDERS) {
      await seed(deps.database, tenantId, {
        owner: userId,
        manager,
        sales: [sales1, sales2],
        dispatcher,
        customer,
      });
    }
  }
  return {
    created: !existing,
    email: DEMO.email,
    password: DEMO.password,
    members: DEMO_MEMBERS.map((m) => ({ email: m.email, role: m.roleKey })),
  };
};
