import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let crewA: BrowserSession;
let crewB: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
const TABLES = ['crews'];
const memberRows = (tenantId: string) =>
  dbRows(t, sql`select crew_id, user_id from crew_members where tenant_id = ${tenantId} order by 1, 2`);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  crewA = await addMember(t.app, t.database, owner, 'crew', 'Crew A');
  crewB = await addMember(t.app, t.database, owner, 'crew', 'Crew B');
});

describe('crews', () => {
  it('creates, reads, updates (version) and archives a crew with lead, members, skills, vehicle, hours; audited', async () => {
    const crew = await c.create(owner, '/crews', {
      name: 'North Team',
      leadId: crewA.userId,
      memberIds: [crewA.userId, crewB.userId, crewA.userId],
      skills: ['hvac', 'electric', 'hvac'],
      vehicle: 'Van 12',
      workingHours: { days: [1, 2, 3], start: '07:00', end: '15:30' },
    });
    expect(crew).toMatchObject({
      name: 'North Team',
      leadId: crewA.userId,
      skills: ['hvac', 'electric'],
      vehicle: 'Van 12',
      workingHours: { days: [1, 2, 3], start: '07:00', end: '15:30' },
      version: 1,
    });
    expect(crew.memberIds.sort()).toEqual([crewA.userId, crewB.userId].sort());
    const changed = await c.api(owner, 'PATCH', `/crews/${crew.id}`, {
      memberIds: [crewB.userId],
      version: 1,
    });
    expect(changed.json().data).toMatchObject({ memberIds: [crewB.userId], version: 2 });
    const stale = await c.api(owner, 'PATCH', `/crews/${crew.id}`, { vehicle: 'Van 1', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await c.api(owner, 'POST', `/crews/${crew.id}/archive`, { version: 2 })).statusCode).toBe(200);
    expect(await auditActions(t, owner.tenantId, crew.id)).toEqual([
      'crew.created',
      'crew.updated',
      'crew.archived',
    ]);
  });

  it('refuses bad input, duplicate names, unknown or foreign members: nothing changes', async () => {
    await c.create(owner, '/crews', { name: 'Dup Crew' });
    const before = [await c.snapshot(owner.tenantId, TABLES), await memberRows(owner.tenantId)];
    for (const body of [
      {},
      { name: 'dup crew' },
      { name: 'X', extra: 1 },
      { name: 'X\u0000' },
      { name: 'x'.repeat(121) },
      { name: 'X', skills: 'hvac' },
      { name: 'X', workingHours: { days: [1], start: '17:00', end: '08:00' } },
      { name: 'X', workingHours: { days: [9], start: '07:00', end: '08:00' } },
      { name: 'X', memberIds: [other.userId] },
      { name: 'X', leadId: MISSING_ID },
    ]) {
      const res = await c.api(owner, 'POST', '/crews', body);
      expect([400, 404, 409], JSON.stringify(body)).toContain(res.statusCode);
    }
    expect([await c.snapshot(owner.tenantId, TABLES), await memberRows(owner.tenantId)]).toEqual(before);
  });

  it("another tenant's crew is a 404; crew members see only their own crews and cannot change them", async () => {
    const theirs = await c.create(other, '/crews', { name: 'Their Crew' });
    expect((await c.api(owner, 'GET', `/crews/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(owner, 'PATCH', `/crews/${theirs.id}`, { name: 'Mine', version: 1 })).statusCode,
    ).toBe(404);
    const mine = await c.create(owner, '/crews', { name: 'A only', memberIds: [crewA.userId] });
    const notMine = await c.create(owner, '/crews', { name: 'B only', memberIds: [crewB.userId] });
    const seen = (await c.pageAll<{ id: string }>(crewA, '/crews')).map((x) => x.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(notMine.id);
    expect((await c.api(crewA, 'GET', `/crews/${notMine.id}`)).statusCode).toBe(404);
    expect((await c.api(crewA, 'POST', '/crews', { name: 'Nope' })).statusCode).toBe(403);
  });
});
