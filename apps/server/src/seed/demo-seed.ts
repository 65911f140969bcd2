import { findTenantBySlug, type Tenant } from '../modules/identity/index.ts';
import type { Database } from '../platform/db/index.ts';
import { makeTenant } from './factories.ts';

export const DEMO_TENANT = { name: 'Demo Services Co', slug: 'demo', currency: 'USD' } as const;

/** Creates the demo tenant once. Returns it and whether it was created now. Safe to run again. */
export const seedDemo = async (database: Database): Promise<{ tenant: Tenant; created: boolean }> => {
  const existing = await findTenantBySlug(database.db, DEMO_TENANT.slug);
  if (existing) return { tenant: existing, created: false };
  return { tenant: await makeTenant(database, DEMO_TENANT), created: true };
};
