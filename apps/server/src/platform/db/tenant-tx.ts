import { sql } from 'drizzle-orm';
import type { Database, Tx } from './database.ts';

/** The role every tenant transaction runs as: not the owner, not superuser, no BYPASSRLS (migration 0000). */
export const APP_ROLE = 'tessera_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in one transaction scoped to `tenantId`: `SET LOCAL ROLE tessera_app` and the transaction-local
 * setting `app.tenant_id` that every row-level-security policy reads. Both end with the transaction, so
 * nothing leaks to the next user of a pooled connection. Services still filter by tenant themselves;
 * RLS is the second layer.
 */
export const withTenant = async <T>(
  database: Database,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> => {
  if (!UUID.test(tenantId)) throw new Error('withTenant needs a tenant id (uuid)');
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
};
