import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';
import { allWeek, makeAgent, makeType, SCHEDULING_TABLES } from './scheduling-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let sales: BrowserSession;
let manager: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  sales = await addMember(t.app, t.database, owner, 'sales');
  manager = await addMember(t.app, t.database, owner, 'manager');
});

describe('agents (availability)', () => {
  it('sets a member up with zone, several ranges a day, breaks, days off, extra dates, territory, skills; audited', async () => {
    const agent = await c.create(owner, '/scheduling/agents', {
      userId: sales.userId,
      timeZone: 'Europe/Berlin',
      weeklyHours: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:30' },
      ],
      breaks: [{ weekday: 1, start: '10:00', end: '10:15' }],
      datesOff: ['2030-12-24', '2030-12-24'],
      extraDates: [{ date: '2030-06-08', start: '09:00', end: '12:00' }],
      postalPrefixes: ['10', 'sw1'],
      regions: ['Berlin Mitte'],
      skills: ['solar', 'solar', 'roofing'],
    });
    expect(agent).toMatchObject({
      userId: sales.userId,
      timeZone: 'Europe/Berlin',
      datesOff: ['2030-12-24'],
      postalPrefixes: ['10', 'SW1'],
      skills: ['solar', 'roofing'],
      priority: 100,
      active: true,
      version: 1,
    });
    expect(await auditActions(t, owner.tenantId, agent.id)).toEqual(['scheduling_agent.created']);
    const changed = await c.api(owner, 'PATCH', `/scheduling/agents/${agent.id}`, {
      priority: 5,
      version: 1,
    });
    expect(changed.json().data).toMatchObject({ priority: 5, version: 2 });
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const stale = await c.api(owner, 'PATCH', `/scheduling/agents/${agent.id}`, { priority: 6, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(2);
    // One agent per member.
    const twice = await c.api(owner, 'POST', '/scheduling/agents', { userId: sales.userId, timeZone: 'UTC' });
    expect(twice.statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    const listed = (await c.api(sales, 'GET', '/scheduling/agents?skill=solar')).json().data;
    expect(listed.map((a: { id: string }) => a.id)).toEqual([agent.id]);
  });

  it('bad input is a 400 and changes nothing', async () => {
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const bad: object[] = [
      { userId: manager.userId },
      { userId: manager.userId, timeZone: 'Mars/Olympus' },
      {
        userId: manager.userId,
        timeZone: 'UTC',
        weeklyHours: [{ weekday: 8, start: '09:00', end: '10:00' }],
      },
      {
        userId: manager.userId,
        timeZone: 'UTC',
        weeklyHours: [{ weekday: 1, start: '10:00', end: '09:00' }],
      },
      { userId: manager.userId, timeZone: 'UTC', weeklyHours: [{ weekday: 1, start: '9:00', end: '24:30' }] },
      { userId: manager.userId, timeZone: 'UTC', datesOff: ['2030-02-30'] },
      { userId: manager.userId, timeZone: 'UTC', extraDates: [{ date: '2030-01-01', start: '09:00' }] },
      { userId: manager.userId, timeZone: 'UTC', postalPrefixes: ['10;drop'] },
      { userId: manager.userId, timeZone: 'UTC', skills: ['x'.repeat(61)] },
      { userId: manager.userId, timeZone: 'UTC', skills: Array.from({ length: 31 }, (_, i) => `s${i}`) },
      { userId: manager.userId, timeZone: 'UTC', priority: 'high' },
      { userId: manager.userId, timeZone: 'UTC', tenantId: other.tenantId },
      { userId: manager.userId, timeZone: 'UTC\u0000' },
      { userId: 'not-a-uuid', timeZone: 'UTC' },
    ];
    for (const body of bad) {
      const res = await c.api(owner, 'POST', '/scheduling/agents', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    // Another tenant's member, or nobody: 404.
    for (const userId of [other.userId, MISSING_ID]) {
      const res = await c.api(owner, 'POST', '/scheduling/agents', { userId, timeZone: 'UTC' });
      expect(res.statusCode).toBe(404);
    }
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
  });

  it('permissions: availability.manage to change, appointments.view to read; another tenant sees 404', async () => {
    const agent = await makeAgent(c, owner, manager, { weeklyHours: allWeek('09:00', '17:00') });
    const res = await c.api(sales, 'POST', '/scheduling/agents', { userId: owner.userId, timeZone: 'UTC' });
    expect(res.statusCode).toBe(403);
    expect(
      (await c.api(sales, 'PATCH', `/scheduling/agents/${agent.id}`, { priority: 1, version: 1 })).statusCode,
    ).toBe(403);
    expect((await c.api(sales, 'GET', `/scheduling/agents/${agent.id}`)).statusCode).toBe(200);
    expect(
      (await c.api(manager, 'PATCH', `/scheduling/agents/${agent.id}`, { active: false, version: 1 }))
        .statusCode,
    ).toBe(200);
    for (const [method, url, body] of [
      ['GET', `/scheduling/agents/${agent.id}`, undefined],
      ['PATCH', `/scheduling/agents/${agent.id}`, { priority: 1, version: 2 }],
      ['DELETE', `/scheduling/agents/${agent.id}`, undefined],
    ] as const) {
      expect((await c.api(other, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await c.api(other, 'GET', '/scheduling/agents')).json().data).toEqual([]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/scheduling/agents' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('appointment types', () => {
  it('creates with defaults, validates, keeps slugs unique per tenant, checks listed agents; audited', async () => {
    const type = await makeType(c, owner, {
      name: 'Roof check',
      slug: 'roof-check',
      locationKind: 'on_site',
    });
    expect(type).toMatchObject({
      slug: 'roof-check',
      durationMinutes: 60,
      minNoticeMinutes: 0,
      maxDaysAhead: 60,
      locationKind: 'on_site',
      colour: '#2563eb',
      publicBooking: false,
      agentIds: [],
      requiredSkills: [],
    });
    expect(await auditActions(t, owner.tenantId, type.id)).toEqual(['appointment_type.created']);
    // The same slug in another tenant is fine.
    await makeType(c, other, { slug: 'roof-check' });
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const dup = await c.api(owner, 'POST', '/scheduling/types', {
      name: 'x',
      slug: 'roof-check',
      durationMinutes: 30,
    });
    expect(dup.statusCode).toBe(409);
    for (const body of [
      { name: 'x', slug: 'Roof Check', durationMinutes: 30 },
      { name: 'x', slug: 'ok', durationMinutes: 2 },
      { name: 'x', slug: 'ok', durationMinutes: 30, bufferBeforeMinutes: -5 },
      { name: 'x', slug: 'ok', durationMinutes: 30, maxDaysAhead: 0 },
      { name: 'x', slug: 'ok', durationMinutes: 30, colour: 'red' },
      { name: 'x', slug: 'ok', durationMinutes: 30, locationKind: 'moon' },
      { name: 'x', slug: 'ok', durationMinutes: '30' },
      { name: 'x'.repeat(121), slug: 'ok', durationMinutes: 30 },
      { name: 'x\u0000', slug: 'ok', durationMinutes: 30 },
      { name: 'x', slug: 'ok', durationMinutes: 30, extra: true },
    ]) {
      expect((await c.api(owner, 'POST', '/scheduling/types', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
    const otherAgent = await makeAgent(c, other, other);
    for (const agentIds of [[otherAgent.id], [MISSING_ID]]) {
      const res = await c.api(owner, 'POST', '/scheduling/types', {
        name: 'x',
        slug: 'ok',
        durationMinutes: 30,
        agentIds,
      });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await c.api(sales, 'POST', '/scheduling/types', { name: 'x', slug: 'ok', durationMinutes: 30 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.api(owner, 'PATCH', `/scheduling/types/${type.id}`, { durationMinutes: 45, version: 9 }))
        .statusCode,
    ).toBe(409);
    expect((await c.api(other, 'GET', `/scheduling/types/${type.id}`)).statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    const changed = await c.api(owner, 'PATCH', `/scheduling/types/${type.id}`, {
      durationMinutes: 45,
      version: 1,
    });
    expect(changed.json().data).toMatchObject({ durationMinutes: 45, version: 2 });
  });
});
