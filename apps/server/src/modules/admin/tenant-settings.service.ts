import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { tenantSettings } from './tables.ts';

export type TenantSettings = typeof tenantSettings.$inferSelect;

/** Creates the settings row of the current tenant (inside its tenant transaction: RLS checks the tenant). */
export const initTenantSettings = async (
  tx: Tx,
  tenantId: string,
  input: Partial<Pick<TenantSettings, 'currency' | 'timezone' | 'locale'>> = {},
): Promise<TenantSettings> => {
  const [row] = await tx
    .insert(tenantSettings)
    .values({ tenantId, ...input })
    .returning();
  if (!row) throw new Error('tenant settings insert returned nothing');
  return row;
};

export const getTenantSettings = async (tx: Tx, tenantId: string): Promise<TenantSettings | undefined> =>
  (await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)))[0];
