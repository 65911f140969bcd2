import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantSettings } from '../../src/modules/admin/tables.ts';
import { APP_ROLE, withTenant } from '../../src/platform/db/index.ts';
import { makeTenant } from '../../src/seed/factories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

// One pooled connection on PostgreSQL, so the "next transaction" really reuses the same connection.
let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase({ poolMax: 1 });
  a = (await makeTenant(t.database, { currency: 'EUR' })).id;
  b = (await makeTenant(t.database, { currency: 'GBP' })).id;
});
afterAll(() => t.drop());

const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

describe('tenant isolation by row-level security', () => {
  it('a query that forgets the tenant filter still sees only its own tenant', async () => {
    const seen = await withTenant(t.database, a, async (tx) => tx.select().from(tenantSettings));
    expect(seen.map((r) => r.tenantId)).toEqual([a]);
    expect(seen[0]?.currency).toBe('EUR');
  });

  it('runs as the application role, which is not superuser, not owner and has no BYPASSRLS', async () => {
    const [who] = await withTenant(t.database, a, async (tx) =>
      rows(await tx.execute(sql`select current_user as u, current_setting('app.tenant_id') as tid`)),
    );
    expect(who).toEqual({ u: APP_ROLE, tid: a });
    const [role] = rows(
      await t.database.db.execute(
        sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${APP_ROLE}`,
      ),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const owned = rows(
      await t.database.db.execute(
        sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = ${APP_ROLE}`,
      ),
    );
    expect(owned[0]?.n).toBe(0);
  });

  it("cannot write a row into another tenant (WITH CHECK), and the other tenant's row is unchanged", async () => {
    await expect(
      withTenant(t.database, a, async (tx) =>
        tx.update(tenantSettings).set({ tenantId: b }).where(sql`true`),
      ),
    ).rejects.toSatisfy((err: Error) => /row-level security/.test(String((err.cause as Error)?.message)));
    const updated = await withTenant(t.database, a, async (tx) =>
      tx
        .update(tenantSettings)
        .set({ currency: 'CHF' })
        .where(sql`${tenantSettings.tenantId} = ${b}`)
        .returning(),
    );
    expect(updated).toEqual([]);
    const other = await withTenant(t.database, b, async (tx) => tx.select().from(tenantSettings));
    expect(other.map((r) => r.currency)).toEqual(['GBP']);
  });

  it('sees nothing when no tenant is set on the application role', async () => {
    const seen = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return tx.select().from(tenantSettings);
    });
    expect(seen).toEqual([]);
  });

  it('does not leak the tenant or the role to the next transaction on the same connection', async () => {
    await withTenant(t.database, a, async (tx) => tx.select().from(tenantSettings));
    const [after] = rows(
      await t.database.db.execute(
        sql`select current_user as u, coalesce(current_setting('app.tenant_id', true), '') as tid`,
      ),
    );
    expect(after?.u).not.toBe(APP_ROLE);
    expect(after?.tid).toBe('');
  });

  it('a failed transaction leaves nothing behind and does not leak either', async () => {
    await expect(
      withTenant(t.database, a, async (tx) => {
        await tx.update(tenantSettings).set({ currency: 'JPY' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const seen = await withTenant(t.database, a, async (tx) => tx.select().from(tenantSettings));
    expect(seen[0]?.currency).toBe('EUR');
    const [after] = rows(await t.database.db.execute(sql`select current_user as u`));
    expect(after?.u).not.toBe(APP_ROLE);
  });

  it('rejects a tenant id that is not a uuid before touching the database', async () => {
    await expect(withTenant(t.database, "x'; drop table tenants; --", async () => 1)).rejects.toThrow(
      /must be a uuid/,
    );
  });

  it('every table with a tenant_id column has RLS enabled, forced and a policy', async () => {
    const tables = rows(
      await t.database.db.execute(sql`
        select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from information_schema.columns col
                      where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id')`),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables)
      expect(table, String(table.table)).toMatchObject({ enabled: true, forced: true });
    for (const table of tables) expect(table.policies, String(table.table)).toBeGreaterThan(0);
  });

  // Primary keys are the server-generated UUIDv7 `id` (never taken from a request), so they cannot collide
  // with another tenant's data on purpose; every other unique index must include tenant_id.
  it('every unique index on a tenant table includes tenant_id (primary keys: server-generated id)', async () => {
    const offenders = rows(
      await t.database.db.execute(sql`
        select i.indexrelid::regclass::text as index
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and i.indisunique
          and not (i.indisprimary and i.indnatts = 1
                   and (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = i.indkey[0]) = 'id')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
          and not exists (select 1 from pg_attribute a
                          where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnum = any(i.indkey))`),
    );
    expect(offenders).toEqual([]);
  });
});
