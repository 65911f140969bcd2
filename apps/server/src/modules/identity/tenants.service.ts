import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { tenants } from './tables.ts';

export type Tenant = typeof tenants.$inferSelect;

/** Creates a tenant row (owner connection: a tenant cannot create tenants from inside its own transaction). */
export const createTenant = async (db: Db, input: { name: string; slug: string }): Promise<Tenant> => {
  const [row] = await db.insert(tenants).values(input).returning();
  if (!row) throw new Error('tenant insert returned nothing');
  return row;
};

export const findTenantBySlug = async (db: Db, slug: string): Promise<Tenant | undefined> =>
  (await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1))[0];

export const countTenants = async (db: Db): Promise<number> => db.$count(tenants);
