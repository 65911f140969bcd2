import { getTenantSettings, initTenantSettings } from '../modules/admin/index.ts';
import { createTenant, type Tenant } from '../modules/identity/index.ts';
import { type Database, withTenant } from '../platform/db/index.ts';

let counter = 0;

/** A tenant with its settings row. Shared by tests and the demo seed; every field can be overridden. */
export const makeTenant = async (
  database: Database,
  overrides: Partial<{ name: string; slug: string; currency: string }> = {},
): Promise<Tenant> => {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${counter}`;
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
