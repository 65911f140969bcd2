import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

/**
 * `GET /visits/stats` on prepared visits with known answers: days are the tenant's (America/New_York, UTC−5
 * in January), so a visit at 04:30 UTC counts on the day before.
 */
let owner: BrowserSession;
let other: BrowserSession;
let kim: BrowserSession;
let lee: BrowserSession;
let crew: BrowserSession;
let territoryId: string;
const t = setupApiTest();
const c = crmApi(t);
const zero = { doors: 0, contacts: 0, appointments: 0, sales: 0, leads: 0 };
const stats = async (as: BrowserSession, query: string) => {
  const res = await c.api(as, 'GET', `/visits/stats${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
};

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  kim = await addMember(t.app, t.database, owner, 'canvasser', 'Kim Knocker');
  lee = await addMember(t.app, t.database, owner, 'canvasser', 'Lee Knocker');
  crew = await addMember(t.app, t.database, owner, 'crew', 'Cam Crew');
  const settings = (await c.api(owner, 'GET', '/settings')).json().data;
  const patched = await c.api(owner, 'PATCH', '/settings', {
    timezone: 'America/New_York',
    version: settings.version,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  territoryId = (
    await c.create(owner, '/territories', { name: 'Oak', streets: ['Oak Street'], agentIds: [kim.userId] })
  ).id;
  const visit = (
    as: BrowserSession,
    visitedAt: string,
    outcome: string,
    address: string,
    inTerritory = false,
  ) => c.create(as, '/visits', { visitedAt, outcome, address, ...(inTerritory ? { territoryId } : {}) });
  // Kim, 5 January (New York): not home, interested, and a sale at the same door late in the evening.
  await visit(kim, '2026-01-05T15:00:00Z', 'not_home', '3 Oak Street', true);
  await visit(kim, '2026-01-05T16:00:00Z', 'interested', '1 Oak Street', true);
  await visit(kim, '2026-01-06T04:30:00Z', 'sale', '1 oak street', true);
  // Kim, 6 January: an appointment set (a second lead), outside the territory.
  await visit(kim, '2026-01-06T15:00:00Z', 'appointment_set', '2 Elm Road');
  // Lee: 6 January a callback; 3 and 7 January (New York) fall outside the period asked.
  await visit(lee, '2026-01-06T14:00:00Z', 'callback', '9 Elm Road');
  await visit(lee, '2026-01-04T04:59:00Z', 'not_home', '10 Elm Road');
  await visit(lee, '2026-01-07T05:30:00Z', 'not_interested', '11 Elm Road');
  // Another tenant in the same period.
  await visit(other, '2026-01-05T15:00:00Z', 'sale', '1 Oak Street');
});

const period = '?from=2026-01-04&to=2026-01-06';

describe('canvassing stats', () => {
  it('per agent per day, per agent and totals, in the tenant time zone', async () => {
    const s = await stats(owner, period);
    expect(s.from).toBe('2026-01-04');
    expect(s.to).toBe('2026-01-06');
    expect(s.timezone).toBe('America/New_York');
    const byAgent = (id: string) => s.days.filter((d: { agentId: string }) => d.agentId === id);
    expect(byAgent(kim.userId)).toEqual([
      { agentId: kim.userId, date: '2026-01-05', doors: 3, contacts: 2, appointments: 0, sales: 1, leads: 1 },
      { agentId: kim.userId, date: '2026-01-06', doors: 1, contacts: 1, appointments: 1, sales: 0, leads: 1 },
    ]);
    expect(byAgent(lee.userId)).toEqual([
      { agentId: lee.userId, date: '2026-01-06', doors: 1, contacts: 1, appointments: 0, sales: 0, leads: 0 },
    ]);
    expect(s.days).toHaveLength(3);
    expect(s.agents).toEqual(
      expect.arrayContaining([
        { agentId: kim.userId, doors: 4, contacts: 3, appointments: 1, sales: 1, leads: 2 },
        { agentId: lee.userId, doors: 1, contacts: 1, appointments: 0, sales: 0, leads: 0 },
      ]),
    );
    expect(s.agents).toHaveLength(2);
    expect(s.totals).toEqual({ doors: 5, contacts: 4, appointments: 1, sales: 1, leads: 2 });
    // The day before and after the period (New York days): Lee's two other visits.
    expect((await stats(owner, '?from=2026-01-03&to=2026-01-03')).totals).toEqual({ ...zero, doors: 1 });
    expect((await stats(owner, '?from=2026-01-07&to=2026-01-07')).totals).toEqual({
      ...zero,
      doors: 1,
      contacts: 1,
    });
  });

  it('filters by agent and territory', async () => {
    const kimOnly = await stats(owner, `${period}&agentId=${kim.userId}`);
    expect(kimOnly.agents).toEqual([
      { agentId: kim.userId, doors: 4, contacts: 3, appointments: 1, sales: 1, leads: 2 },
    ]);
    expect((await stats(owner, `${period}&agentId=me`)).totals).toEqual(zero);
    const oak = await stats(owner, `${period}&territoryId=${territoryId}`);
    expect(oak.totals).toEqual({ doors: 3, contacts: 2, appointments: 0, sales: 1, leads: 1 });
  });

  it('an agent sees only their own visits, whatever agentId they ask for', async () => {
    const mine = await stats(kim, period);
    expect(mine.agents.map((a: { agentId: string }) => a.agentId)).toEqual([kim.userId]);
    expect(mine.totals).toEqual({ doors: 4, contacts: 3, appointments: 1, sales: 1, leads: 2 });
    expect((await stats(kim, `${period}&agentId=${lee.userId}`)).days).toEqual([]);
    expect((await stats(lee, `${period}&agentId=me`)).totals).toEqual({ ...zero, doors: 1, contacts: 1 });
    expect((await c.api(crew, 'GET', `/visits/stats${period}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/visits/stats${period}` })).statusCode).toBe(
      401,
    );
  });

  it("another tenant sees neither the visits nor anything through this tenant's ids", async () => {
    const theirs = await stats(other, period);
    expect(theirs.totals).toEqual({ ...zero, doors: 1, contacts: 1, sales: 1, leads: 1 });
    expect(theirs.agents).toEqual([{ agentId: other.userId, ...theirs.totals }]);
    expect((await stats(other, `${period}&agentId=${kim.userId}`)).totals).toEqual(zero);
    expect((await stats(other, `${period}&territoryId=${territoryId}`)).totals).toEqual(zero);
  });

  it('without a period: today, in the tenant time zone', async () => {
    const before = (await stats(lee, '')).totals;
    await c.create(lee, '/visits', { outcome: 'callback', address: '12 Elm Road' });
    const now = await stats(lee, '');
    expect(now.from).toBe(now.to);
    expect(now.from).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date()),
    );
    expect(now.totals).toEqual({ ...before, doors: before.doors + 1, contacts: before.contacts + 1 });
  });

  it('refuses bad periods and filters with 400', async () => {
    for (const query of [
      '?from=2026-01-04',
      '?to=2026-01-04',
      '?from=2026-01-06&to=2026-01-04',
      '?from=2026-01-01&to=2026-04-03',
      '?from=2026-02-30&to=2026-03-01',
      '?from=2026-01-04T00:00:00Z&to=2026-01-06',
      '?from=yesterday&to=today',
      `${period}&agentId=someone`,
      `${period}&territoryId=1`,
      `${period}&date=2026-01-04`,
      `${period}&agentId=%00`,
      `?from=2026-01-04%00&to=2026-01-06`,
      `${period}&from=2026-01-05`,
    ]) {
      const res = await c.api(owner, 'GET', `/visits/stats${query}`);
      expect(res.statusCode, `${query} ${res.body}`).toBe(400);
    }
    // 92 days, both ends included, is the longest period.
    expect((await c.api(owner, 'GET', '/visits/stats?from=2026-01-01&to=2026-04-02')).statusCode).toBe(200);
  });
});
