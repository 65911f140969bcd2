import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember, roleByKey } from '../helpers/members.ts';

let owner: BrowserSession;
let otherTenantOwner: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
  otherTenantOwner = await signUp(t.app);
});

const rolesOf = async (tenantId: string) =>
  (
    (await t.database.db.execute(
      sql`select name, permissions, version from roles where tenant_id = ${tenantId} order by name`,
    )) as unknown as { rows: unknown[] }
  ).rows;

describe('permission catalog and roles', () => {
  it('lists the catalog and the 12 system roles', async () => {
    const catalog = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/permissions' })).json()
      .data;
    expect(catalog.map((p: { key: string }) => p.key)).toContain('leads.view');
    const roles = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/roles' })).json().data;
    expect(roles.filter((r: { isSystem: boolean }) => r.isSystem)).toHaveLength(12);
    expect(roles.find((r: { key: string }) => r.key === 'owner').memberCount).toBe(1);
  });

  it('creates, changes (version-checked, also via If-Match) and deletes a custom role, with audit rows', async () => {
    const created = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Estimator', permissions: ['leads.view', 'quotes.view'], scopes: { leads: 'own' } },
    });
    expect(created.statusCode).toBe(201);
    const role = created.json().data;
    expect(role).toMatchObject({ name: 'Estimator', isSystem: false, version: 1, scopes: { leads: 'own' } });
    const stale = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      payload: { name: 'Renamed', version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('Estimator');
    const viaIfMatch = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Senior estimator' },
    });
    expect(viaIfMatch.statusCode).toBe(200);
    expect(viaIfMatch.json().data.version).toBe(2);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/roles/${role.id}` })).statusCode,
    ).toBe(200);
    const audit = (
      (await t.database.db.execute(
        sql`select action from audit_logs where tenant_id = ${owner.tenantId} and target_id = ${role.id} order by created_at`,
      )) as unknown as { rows: { action: string }[] }
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['role.created', 'role.updated', 'role.deleted']);
  });

  it('rejects bad input and duplicate names; nothing changes', async () => {
    const before = await rolesOf(owner.tenantId);
    const bad = [
      {},
      { name: '', permissions: [] },
      { name: 'X', permissions: ['leads.fly'] },
      { name: 'X', permissions: 'leads.view' },
      { name: 'x'.repeat(81), permissions: [] },
      { name: 'X', permissions: [], tenantId: otherTenantOwner.tenantId },
      { name: 'X', permissions: [], scopes: { leads: 'everyone' } },
    ];
    for (const payload of bad)
      expect(
        (await asBrowser(t.app, owner, { method: 'POST', url: '/api/v1/roles', payload })).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    expect(
      (
        await asBrowser(t.app, owner, {
          method: 'POST',
          url: '/api/v1/roles',
          payload: { name: 'sales AGENT', permissions: [] },
        })
      ).statusCode,
    ).toBe(409);
    expect(await rolesOf(owner.tenantId)).toEqual(before);
  });

  it('system roles: owner fixed, names fixed, not deletable', async () => {
    const ownerRole = await roleByKey(t.app, owner, 'owner');
    expect(
      (
        await asBrowser(t.app, owner, {
          method: 'PATCH',
          url: `/api/v1/roles/${ownerRole.id}`,
          payload: { permissions: [], version: ownerRole.version },
        })
      ).statusCode,
    ).toBe(403);
    const sales = await roleByKey(t.app, owner, 'sales');
    expect(
      (
        await asBrowser(t.app, owner, {
          method: 'PATCH',
          url: `/api/v1/roles/${sales.id}`,
          payload: { name: 'Sellers', version: sales.version },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/roles/${sales.id}` })).statusCode,
    ).toBe(403);
  });

  it("another tenant's role id is a 404 and its role is unchanged", async () => {
    const theirs = await roleByKey(t.app, otherTenantOwner, 'sales');
    const before = await rolesOf(otherTenantOwner.tenantId);
    expect(
      (await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/roles/${theirs.id}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await asBrowser(t.app, owner, {
          method: 'PATCH',
          url: `/api/v1/roles/${theirs.id}`,
          payload: { description: 'hacked', version: theirs.version },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/roles/${theirs.id}` })).statusCode,
    ).toBe(404);
    expect(await rolesOf(otherTenantOwner.tenantId)).toEqual(before);
  });

  it('nobody can put into a role a permission they do not hold themselves', async () => {
    // HR may manage members but not roles; give HR roles.manage through a custom role that lacks e.g. leads.delete.
    const limited = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Role admin (limited)', permissions: ['roles.view', 'roles.manage', 'leads.view'] },
    });
    const roleAdminRole = limited.json().data;
    const hr = await addMember(t.app, t.database, owner, 'hr');
    const members = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/members' })).json().data;
    const hrMember = members.find((m: { userId: string }) => m.userId === hr.userId);
    expect(
      (
        await asBrowser(t.app, owner, {
          method: 'PATCH',
          url: `/api/v1/members/${hrMember.id}`,
          payload: { roleId: roleAdminRole.id, version: hrMember.version },
        })
      ).statusCode,
    ).toBe(200);
    const roleAdmin = hr;
    const before = await rolesOf(owner.tenantId);
    const escalate = await asBrowser(t.app, roleAdmin, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Sneaky', permissions: ['leads.view', 'leads.delete'] },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.details.missing).toEqual(['leads.delete']);
    const self = await asBrowser(t.app, roleAdmin, {
      method: 'PATCH',
      url: `/api/v1/roles/${roleAdminRole.id}`,
      payload: {
        permissions: [...roleAdminRole.permissions, 'members.manage'],
        version: roleAdminRole.version,
      },
    });
    expect(self.statusCode).toBe(403);
    expect(await rolesOf(owner.tenantId)).toEqual(before);
    const allowed = await asBrowser(t.app, roleAdmin, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Viewer', permissions: ['leads.view'] },
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('a member without roles.view/manage gets 403; no session gets 401', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    expect((await asBrowser(t.app, crew, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(403);
    expect(
      (
        await asBrowser(t.app, crew, {
          method: 'POST',
          url: '/api/v1/roles',
          payload: { name: 'Mine', permissions: [] },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(401);
  });
});
