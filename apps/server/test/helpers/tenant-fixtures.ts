import { type SQL, sql } from 'drizzle-orm';
import { roles } from '../../src/modules/identity/tables.ts';
import { makeMember } from '../../src/seed/factories.ts';
import { asBrowser, type BrowserSession, logIn, PASSWORD, signUp } from './auth-client.ts';
import type { TestApp } from './test-app.ts';

/** Rows of a raw query through the owner connection (bypasses RLS: for checking the database itself). */
export const dbRows = async <T = Record<string, unknown>>(t: TestApp, query: SQL): Promise<T[]> =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * A second person in `tenantId` with the given role: signs them up (their own company), adds their membership
 * with the factory (`makeMember`; a custom role is inserted first), then signs them in to `tenantId`.
 */
export const memberWithRole = async (
  t: TestApp,
  tenantId: string,
  role: { key: string } | { permissions: string[] },
): Promise<BrowserSession> => {
  const person = await signUp(t.app, { name: 'Second Person' });
  let roleId: string | undefined;
  if (!('key' in role)) {
    const [created] = await t.database.db
      .insert(roles)
      .values({
        tenantId,
        name: `Custom ${Math.random().toString(36).slice(2)}`,
        permissions: role.permissions,
      })
      .returning({ id: roles.id });
    if (!created) throw new Error('role insert returned nothing');
    roleId = created.id;
  }
  await makeMember(t.database, tenantId, {
    userId: person.userId,
    ...('key' in role ? { roleKey: role.key } : { roleId }),
  });
  return logIn(t.app, person.email, PASSWORD, { tenantId });
};

/** Creates an API key as `owner` and returns the created key (with `key`). */
export const createApiKey = async (
  t: TestApp,
  owner: BrowserSession,
  permissions: string[],
  extra: Record<string, unknown> = {},
) => {
  const res = await asBrowser(t.app, owner, {
    method: 'POST',
    url: '/api/v1/api-keys',
    payload: { name: 'Integration', permissions, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`api key create failed: ${res.statusCode} ${res.body}`);
  return res.json().data as { id: string; key: string; prefix: string; permissions: string[] };
};

/** Audit actions of a tenant, oldest first (optionally for one target). */
export const auditActions = async (t: TestApp, tenantId: string, targetId?: string) =>
  (
    await dbRows<{ action: string }>(
      t,
      sql`select action from audit_logs where tenant_id = ${tenantId}
          ${targetId ? sql`and target_id = ${targetId}` : sql``} order by created_at, id`,
    )
  ).map((r) => r.action);
