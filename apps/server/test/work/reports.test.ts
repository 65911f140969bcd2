import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember } from '../helpers/members.ts';
import { workApi } from './work-fixtures.ts';

let owner: BrowserSession;
let manager: BrowserSession;
let crew: BrowserSession;
let crew2: BrowserSession;
let other: BrowserSession;
let project: { id: string };
const t = setupApiTest();
const w = workApi(t);

/** Prepared data with known answers: Carla books 10 h (approved, billable) and 6 h (draft, not billable). */
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  manager = await addMember(t.app, t.database, owner, 'manager', 'Manny');
  crew = await addMember(t.app, t.database, owner, 'crew', 'Carla');
  crew2 = await addMember(t.app, t.database, owner, 'crew', 'Cole');
  project = await w.create(owner, '/projects', {
    name: 'Depot',
    code: 'DEP',
    managerId: manager.userId,
    budgetHours: 100,
    defaultRateCents: 5000,
  });
  await w.create(owner, '/assignments', {
    projectId: project.id,
    userId: crew.userId,
    allocationPercent: 50,
    startDate: '2031-03-03',
    endDate: '2031-03-16',
    rateCents: 6000,
  });
  const row = (hours: number[], billable = true) => ({ projectId: project.id, hours, billable });
  await w.saveWeek(manager, crew.userId, '2031-03-03', [row([2, 2, 2, 2, 2, 0, 0])]);
  const week = (await w.api(crew, 'POST', `${w.weekUrl('me', '2031-03-03')}/submit`)).json().data;
  await w.api(owner, 'POST', `${w.weekUrl(crew.userId, '2031-03-03')}/approve`, { version: week.version });
  await w.saveWeek(crew, crew.userId, '2031-03-10', [row([0, 6, 0, 0, 0, 0, 0], false)]);
  const e = (
    await w.api(crew, 'POST', '/expenses', {
      date: '2031-03-05',
      projectId: project.id,
      category: 'Fuel',
      expenseAmountCents: 12_000,
    })
  ).json().data;
  await w.api(crew, 'POST', `/expenses/${e.id}/submit`);
  await w.api(manager, 'POST', `/expenses/${e.id}/approve`, { version: 2 });
  expect(
    (await w.api(owner, 'PUT', `/utilisation/capacity/${crew2.userId}`, { hoursPerWeek: 20 })).statusCode,
  ).toBe(200);
});

type Row = {
  userId: string;
  capacityHours: number;
  bookedHours: number;
  billableHours: number;
  utilisation: number | null;
  billableUtilisation: number | null;
  hoursPerWeek: number;
};
const rowOf = (rows: Row[], userId: string) => rows.find((r) => r.userId === userId);

describe('utilisation', () => {
  it('capacity from working hours, booked, billable and utilisation per member and period', async () => {
    const week = (await w.api(manager, 'GET', '/utilisation?from=2031-03-03&to=2031-03-09')).json()
      .data as Row[];
    expect(rowOf(week, crew.userId)).toMatchObject({
      hoursPerWeek: 40,
      capacityHours: 40,
      bookedHours: 10,
      billableHours: 10,
      utilisation: 25,
      billableUtilisation: 25,
    });
    expect(rowOf(week, crew2.userId)).toMatchObject({
      hoursPerWeek: 20,
      capacityHours: 20,
      bookedHours: 0,
      utilisation: 0,
    });
    const two = (await w.api(manager, 'GET', '/utilisation?from=2031-03-03&to=2031-03-16')).json()
      .data as Row[];
    expect(rowOf(two, crew.userId)).toMatchObject({
      capacityHours: 80,
      bookedHours: 16,
      billableHours: 10,
      utilisation: 20,
      billableUtilisation: 12.5,
    });
    expect(rowOf(two, crew2.userId)).toMatchObject({ capacityHours: 40 });
    // A member without manage/approve sees only themselves; another tenant sees only its own people.
    const mine = (await w.api(crew, 'GET', '/utilisation?from=2031-03-03&to=2031-03-09')).json()
      .data as Row[];
    expect(mine.map((r) => r.userId)).toEqual([crew.userId]);
    const theirs = (await w.api(other, 'GET', '/utilisation?from=2031-03-03&to=2031-03-09')).json()
      .data as Row[];
    expect(theirs.map((r) => r.userId)).toEqual([other.userId]);
  });

  it('bad periods and capacities are 400; capacity is set only with timesheets.manage, for members', async () => {
    for (const qs of [
      'from=2031-03-09&to=2031-03-03',
      'from=2031-01-01&to=2032-06-01',
      'from=x&to=2031-01-01',
      'from=2031-01-01',
    ])
      expect((await w.api(manager, 'GET', `/utilisation?${qs}`)).statusCode, qs).toBe(400);
    expect(
      (await w.api(owner, 'PUT', `/utilisation/capacity/${crew.userId}`, { hoursPerWeek: 81 })).statusCode,
    ).toBe(400);
    expect(
      (await w.api(owner, 'PUT', `/utilisation/capacity/${crew.userId}`, { hoursPerWeek: 20, x: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await w.api(crew, 'PUT', `/utilisation/capacity/${crew.userId}`, { hoursPerWeek: 10 })).statusCode,
    ).toBe(403);
    expect(
      (await w.api(owner, 'PUT', `/utilisation/capacity/${other.userId}`, { hoursPerWeek: 10 })).statusCode,
    ).toBe(404);
  });
});

describe('project budget', () => {
  it('hours and cost against budget, weekly burn-down, forecast at completion from the assignments', async () => {
    const b = (await w.api(manager, 'GET', `/projects/${project.id}/budget?asOf=2031-03-12`)).json().data;
    expect(b).toEqual({
      projectId: project.id,
      currency: 'USD',
      budgetHours: 100,
      budgetCents: null,
      bookedHours: 16,
      approvedHours: 10,
      billableHours: 10,
      costCents: 96_000,
      expensesCents: 12_000,
      burnDown: [
        { weekStart: '2031-03-03', hours: 10, remainingHours: 90 },
        { weekStart: '2031-03-10', hours: 6, remainingHours: 84 },
      ],
      // 16 h booked + 50 % of 40 h over Thu 13 and Fri 14 March (8 h) at 60.00.
      forecastHours: 24,
      forecastCents: 144_000,
      warnings: [],
    });
    const crewView = (await w.api(crew, 'GET', `/projects/${project.id}/budget?asOf=2031-03-12`)).json().data;
    expect(crewView).not.toHaveProperty('costCents');
    expect(crewView.bookedHours).toBe(16);
    expect((await w.api(other, 'GET', `/projects/${project.id}/budget`)).statusCode).toBe(404);
    expect((await w.api(manager, 'GET', `/projects/${project.id}/budget?asOf=soon`)).statusCode).toBe(400);
  });

  it('reports over-allocated team members', async () => {
    const second = await w.create(owner, '/projects', { name: 'Annex', code: 'ANX' });
    await w.create(owner, '/assignments', {
      projectId: second.id,
      userId: crew.userId,
      allocationPercent: 60,
      startDate: '2031-03-10',
      endDate: '2031-03-31',
    });
    const b = (await w.api(owner, 'GET', `/projects/${project.id}/budget?asOf=2031-03-12`)).json().data;
    expect(b.warnings).toEqual([
      { code: 'over_allocated', userId: crew.userId, from: '2031-03-10', percent: 110 },
    ]);
  });

  it('prices each entry by precedence: member rate → role rate → default; the latest-starting assignment wins', async () => {
    const rates = await w.create(owner, '/projects', {
      name: 'Rates',
      code: 'RTS',
      defaultRateCents: 5000,
      roleRates: { Electrician: 7000 },
    });
    const assign = (userId: string, extra: object) =>
      w.create(owner, '/assignments', {
        projectId: rates.id,
        userId,
        allocationPercent: 10,
        startDate: '2031-04-07',
        endDate: '2031-04-13',
        ...extra,
      });
    await assign(crew.userId, { role: 'Electrician', rateCents: 9000 });
    // Starts later and covers Wednesday on: its own rate wins from then on.
    await assign(crew.userId, { role: 'Helper', rateCents: 11_000, startDate: '2031-04-09' });
    await assign(crew2.userId, { role: 'Electrician' });
    const archived = await assign(crew2.userId, { rateCents: 99_999, startDate: '2031-04-08' });
    expect((await w.api(owner, 'POST', `/assignments/${archived.id}/archive`)).statusCode).toBe(200);
    await assign(manager.userId, { role: 'Helper' });
    const row = (hours: number[]) => [{ projectId: rates.id, hours }];
    for (const [who, hours] of [
      [crew.userId, [1, 1, 1, 1, 0, 0, 0]],
      [crew2.userId, [2, 0, 1, 0, 0, 0, 0]],
      [manager.userId, [1, 0, 0, 0, 0, 0, 0]],
      [owner.userId, [0.5, 0, 0, 0, 0, 0, 0]],
    ] as const)
      expect((await w.saveWeek(owner, who, '2031-04-07', row([...hours]))).statusCode).toBe(200);
    const b = (await w.api(owner, 'GET', `/projects/${rates.id}/budget?asOf=2031-04-13`)).json().data;
    // Carla 2 h × 90.00 + 2 h × 110.00; Cole 3 h × 70.00 (role; the archived 999.99 ignored); Manny 1 h × 50.00
    // (a role without a rate); the owner 0.5 h × 50.00 (no assignment).
    expect(b).toMatchObject({ bookedHours: 8.5, costCents: 40_000 + 21_000 + 5000 + 2500 });
    // One member's utilisation: just their row, with the same figures as in everyone's.
    const one = (
      await w.api(manager, 'GET', `/utilisation?from=2031-04-07&to=2031-04-13&userId=${crew.userId}`)
    ).json().data as Row[];
    const all = (await w.api(manager, 'GET', '/utilisation?from=2031-04-07&to=2031-04-13')).json()
      .data as Row[];
    expect(one).toEqual([rowOf(all, crew.userId)]);
    expect(one[0]).toMatchObject({ bookedHours: 4, capacityHours: 40 });
    const stranger = await w.api(
      manager,
      'GET',
      `/utilisation?from=2031-04-07&to=2031-04-13&userId=${other.userId}`,
    );
    expect(stranger.json().data).toEqual([]);
  });
});
