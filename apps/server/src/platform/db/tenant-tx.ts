import { sql } from 'drizzle-orm';
import type { Database, Tx } from './database.ts';

/** The role every tenant transaction runs as: not the owner, not superuser, no BYPASSRLS (migration 0000). */
export const APP_ROLE = 'tessera_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const assertUuid = (value: string, what: string) => {
  if (!UUID.test(value)) throw new Error(`${what} must be a uuid`);
};

/** The one statement that enters a tenant scope, for tools that frame transactions themselves (bench). */
export const SCOPE_SQL = `select set_config('role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.user_id', $3, true)`;

/**
 * Switches the current transaction to the application role and scopes it: `app.tenant_id` (every tenant
 * policy) and, optionally, `app.user_id` (the caller's own rows in global tables). All transaction-local.
 */
export const enterScope = async (tx: Tx, scope: { tenantId?: string; userId?: string | null }) => {
  if (scope.tenantId) assertUuid(scope.tenantId, 'tenant id');
  if (scope.userId) assertUuid(scope.userId, 'user id');
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
  await tx.execute(
    sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${scope.tenantId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`,
  );
};

/**
 * The scope statement with its values inlined (each checked to be a uuid first), for sending together with
 * `BEGIN` in one simple-query round trip (`Database.transactionWith`).
 */
export const scopePrelude = (scope: { tenantId?: string; userId?: string | null }) => {
  if (scope.tenantId) assertUuid(scope.tenantId, 'tenant id');
  if (scope.userId) assertUuid(scope.userId, 'user id');
  return `select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', '${scope.tenantId ?? ''}', true), set_config('app.user_id', '${scope.userId ?? ''}', true)`;
};

/** A transaction entered into `scope`: BEGIN and the scope in one round trip where the driver allows it. */
const scopedTransaction = <T>(
  database: Database,
  scope: { tenantId?: string; userId?: string | null },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> =>
  database.transactionWith
    ? database.transactionWith(scopePrelude(scope), fn)
    : database.db.transaction(async (tx) => {
        await enterScope(tx, scope);
        return fn(tx);
      });

/**
 * Runs `fn` in one transaction scoped to `tenantId` (and the acting user), as the application role. Both
 * settings end with the transaction, so nothing leaks to the next user of a pooled connection. Services still
 * filter by tenant themselves; RLS is the second layer.
 */
export const withTenant = async <T>(
  database: Database,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  userId?: string | null,
): Promise<T> => {
  assertUuid(tenantId, 'tenant id');
  return scopedTransaction(database, { tenantId, userId }, fn);
};

/** A transaction as the application role that sees only the user's own rows (before a tenant is chosen). */
export const withUser = async <T>(
  database: Database,
  userId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> => scopedTransaction(database, { userId }, fn);
