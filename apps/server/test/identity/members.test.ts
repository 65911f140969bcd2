import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember, memberIdOf, roleByKey } from '../helpers/members.ts';

let owner: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
});

const membershipsOf = async (tenantId: string) =>
  (
    (await t.database.db.execute(
      sql`select user_id, role_id, status, grants, version from memberships where tenant_id = ${tenantId} order by user_id`,
    )) as unknown as { rows: unknown[] }
  ).rows;
const patch = (as: BrowserSession, id: string, payload: object) =>
  asBrowser(t.app, as, { method: 'PATCH', url: `/api/v1/members/${id}`, payload });

describe('members', () => {
  it('lists members with role names; a restricted member cannot reach admin endpoints', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew', 'Carl Crew');
    const list = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/members' })).json();
    expect(list.data.map((m: { roleName: string }) => m.roleName).sort()).toEqual(['Crew member', 'Owner']);
    expect(list.pagination).toMatchObject({ hasMore: false });
    const me = (await asBrowser(t.app, crew, { method: 'GET', url: '/api/v1/auth/me' })).json().data;
    expect(me.permissions).not.toContain('members.view');
    for (const url of ['/api/v1/members', '/api/v1/roles', '/api/v1/invitations']) {
      expect((await asBrowser(t.app, crew, { method: 'GET', url })).statusCode, url).toBe(403);
    }
  });

  it('changing role takes effect on the next request; disabling stops the session at once', async () => {
    const sales = await addMember(t.app, t.database, owner, 'sales');
    const m = await memberIdOf(t.app, owner, sales.userId);
    const manager = await roleByKey(t.app, owner, 'manager');
    expect((await asBrowser(t.app, sales, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(403);
    const changed = await patch(owner, m.id, { roleId: manager.id, version: m.version });
    expect(changed.statusCode).toBe(200);
    expect((await asBrowser(t.app, sales, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(200);
    const disabled = await patch(owner, m.id, { status: 'disabled', version: changed.json().data.version });
    expect(disabled.statusCode).toBe(200);
    expect((await asBrowser(t.app, sales, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('grants and denials: effective = role ∪ grants − denials', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const m = await memberIdOf(t.app, owner, crew.userId);
    const res = await patch(owner, m.id, {
      grants: ['leads.view'],
      denials: ['timesheets.manage'],
      version: m.version,
    });
    expect(res.statusCode).toBe(200);
    const perms = (await asBrowser(t.app, crew, { method: 'GET', url: '/api/v1/auth/me' })).json().data
      .permissions;
    expect(perms).toContain('leads.view');
    expect(perms).not.toContain('timesheets.manage');
    expect(perms).toContain('timesheets.view');
  });

  it('privilege escalation is refused: self-promotion, granting above own rights, promoting to a stronger role', async () => {
    const hr = await addMember(t.app, t.database, owner, 'hr');
    const victim = await addMember(t.app, t.database, owner, 'crew');
    const admin = await roleByKey(t.app, owner, 'admin');
    const hrMember = await memberIdOf(t.app, owner, hr.userId);
    const victimMember = await memberIdOf(t.app, owner, victim.userId);
    const before = await membershipsOf(owner.tenantId);
    expect((await patch(hr, hrMember.id, { roleId: admin.id, version: hrMember.version })).statusCode).toBe(
      403,
    );
    expect(
      (await patch(hr, hrMember.id, { grants: ['roles.manage'], version: hrMember.version })).statusCode,
    ).toBe(403);
    expect(
      (await patch(hr, victimMember.id, { roleId: admin.id, version: victimMember.version })).statusCode,
    ).toBe(403);
    const grantAbove = await patch(hr, victimMember.id, {
      grants: ['api_keys.manage'],
      version: victimMember.version,
    });
    expect(grantAbove.statusCode).toBe(403);
    expect(grantAbove.json().error.details.missing).toEqual(['api_keys.manage']);
    expect(await membershipsOf(owner.tenantId)).toEqual(before);
  });

  it('the last owner cannot be demoted, disabled or removed; owners are changed by owners only', async () => {
    const t2 = await signUp(t.app);
    const admin = await addMember(t.app, t.database, t2, 'admin');
    const ownerMember = await memberIdOf(t.app, t2, t2.userId);
    const sales = await roleByKey(t.app, t2, 'sales');
    expect(
      (await patch(admin, ownerMember.id, { roleId: sales.id, version: ownerMember.version })).statusCode,
    ).toBe(403);
    expect(
      (await asBrowser(t.app, admin, { method: 'DELETE', url: `/api/v1/members/${ownerMember.id}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await patch(t2, ownerMember.id, { status: 'disabled', version: ownerMember.version })).statusCode,
    ).toBe(403);
    expect(
      (await asBrowser(t.app, t2, { method: 'DELETE', url: `/api/v1/members/${ownerMember.id}` })).statusCode,
    ).toBe(409);
    // With a second owner, the first may leave.
    const adminMember = await memberIdOf(t.app, t2, admin.userId);
    const ownerRole = await roleByKey(t.app, t2, 'owner');
    expect(
      (await patch(t2, adminMember.id, { roleId: ownerRole.id, version: adminMember.version })).statusCode,
    ).toBe(200);
    expect(
      (await asBrowser(t.app, t2, { method: 'DELETE', url: `/api/v1/members/${ownerMember.id}` })).statusCode,
    ).toBe(200);
    expect((await asBrowser(t.app, t2, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('stale version → 409 with the current record; bad input → 400; nothing changes', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const m = await memberIdOf(t.app, owner, crew.userId);
    const before = await membershipsOf(owner.tenantId);
    const stale = await patch(owner, m.id, { status: 'disabled', version: m.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.status).toBe('active');
    for (const payload of [
      {},
      { status: 'gone', version: m.version },
      { roleId: 'nope', version: m.version },
      { grants: ['x.y'], version: m.version },
      { status: 'active', version: '1' },
      { status: 'active', version: m.version, userId: owner.userId },
    ]) {
      expect((await patch(owner, m.id, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (await patch(owner, m.id, { roleId: '01a1fcbb-0000-7000-8000-000000000000', version: m.version }))
        .statusCode,
    ).toBe(404);
    expect(await membershipsOf(owner.tenantId)).toEqual(before);
  });

  it("another tenant's member id is a 404 and that member is unchanged", async () => {
    const other = await signUp(t.app);
    const theirs = await memberIdOf(t.app, other, other.userId);
    const before = await membershipsOf(other.tenantId);
    expect((await patch(owner, theirs.id, { status: 'disabled', version: theirs.version })).statusCode).toBe(
      404,
    );
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/members/${theirs.id}` })).statusCode,
    ).toBe(404);
    expect(await membershipsOf(other.tenantId)).toEqual(before);
    expect((await asBrowser(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('removing a member ends their access at once and is audited', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const m = await memberIdOf(t.app, owner, crew.userId);
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/members/${m.id}` })).statusCode,
    ).toBe(200);
    expect((await asBrowser(t.app, crew, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const audit = (
      (await t.database.db.execute(
        sql`select action from audit_logs where tenant_id = ${owner.tenantId} and target_id = ${m.id}`,
      )) as unknown as { rows: { action: string }[] }
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.joined', 'member.removed']));
  });
});
