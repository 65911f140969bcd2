import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { defineJob } from '../../../platform/jobs/index.ts';
import { tenants } from '../../identity/index.ts';

/**
 * Folds a tenant's roll-up deltas into one row per key (`crm_rollup_compact`, migration 0054), in the tenant's
 * transaction: readers see the deltas or their sum, never both; writers are never blocked (they only insert).
 */
export const compactCrmRollups = (database: Database, tenantId: string) =>
  withTenant(database, tenantId, (tx) => tx.execute(sql`select crm_rollup_compact(${tenantId}::uuid)`));

/** Every 10 minutes: compacts every tenant's CRM roll-ups, so KPI reads sum about one row per key (ADR 0037). */
export const compactCrmRollupsJob = defineJob({
  name: 'crm.compact-rollups',
  payload: z.object({}).loose(),
  cron: '*/10 * * * *',
  retry: { limit: 3, delaySeconds: 30 },
  handler: async (_payload, { database, log }) => {
    const all = await database.db.select({ id: tenants.id }).from(tenants);
    for (const t of all) await compactCrmRollups(database, t.id);
    log.info({ tenants: all.length }, 'compacted the CRM roll-ups');
  },
});
