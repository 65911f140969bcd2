import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let mason: BrowserSession;
let p1: { id: string };
let p2: { id: string };
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  mason = await addMember(t.app, t.database, owner, 'crew', 'Mason');
  p1 = await c.create(owner, '/projects', { name: 'School', code: 'SCH' });
  p2 = await c.create(owner, '/projects', { name: 'Bridge', code: 'BRG' });
});

const TABLES = ['project_assignments'];

describe('assignments', () => {
  it('assigns a member with a role, allocation and period; audited; no warning while within capacity', async () => {
    const a = await c.create(owner, '/assignments', {
      projectId: p1.id,
      userId: mason.userId,
      role: 'Mason',
      allocationPercent: 60,
      startDate: '2031-01-06',
      endDate: '2031-03-28',
      rateCents: 6500,
    });
    expect(a).toMatchObject({
      role: 'Mason',
      allocationPercent: 60,
      hoursPerWeek: null,
      rateCents: 6500,
      warnings: [],
    });
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual(['assignment.created']);
    const list = await c.pageAll<{ id: string }>(owner, `/assignments?projectId=${p1.id}`);
    expect(list.map((x) => x.id)).toEqual([a.id]);
  });

  it('over-allocation across projects is a warning (not a refusal), in the answer, from the first overlapping day', async () => {
    // 20 h/week of the default 40 h = 50 %; with the 60 % above: 110 % from 2031-02-03.
    const b = await c.create(owner, '/assignments', {
      projectId: p2.id,
      userId: mason.userId,
      hoursPerWeek: 20,
      startDate: '2031-02-03',
      endDate: '2031-04-25',
    });
    expect(b).toMatchObject({ hoursPerWeek: 20, allocationPercent: null });
    expect(b.warnings).toEqual([
      { code: 'over_allocated', userId: mason.userId, from: '2031-02-03', percent: 110 },
    ]);
    // The first assignment, read again, reports it too (its period contains the overlap).
    const mine = await c.pageAll<{ projectId: string; warnings: unknown[] }>(
      owner,
      `/assignments?userId=${mason.userId}`,
    );
    expect(mine.map((x) => x.warnings.length)).toEqual([1, 1]);
    // Lowering the load clears it.
    const lower = await c.api(owner, 'PATCH', `/assignments/${b.id}`, { hoursPerWeek: 16, version: 1 });
    expect(lower.json().data.warnings).toEqual([]);
    // Switching to a percent clears the hours (exactly one allocation is held).
    const pct = await c.api(owner, 'PATCH', `/assignments/${b.id}`, { allocationPercent: 40, version: 2 });
    expect(pct.json().data).toMatchObject({ allocationPercent: 40, hoursPerWeek: null, warnings: [] });
  });

  it('bad input changes nothing: end before start, both or no allocation, foreign ids, non-members, wrong types', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const base = { projectId: p1.id, userId: mason.userId, startDate: '2031-01-01', endDate: '2031-02-01' };
    const cases: [object, number, string?][] = [
      [{ ...base, allocationPercent: 50, endDate: '2030-12-31' }, 400, 'body.endDate'],
      [{ ...base, allocationPercent: 50, hoursPerWeek: 10 }, 400, 'body.allocationPercent'],
      [base, 400, 'body.allocationPercent'],
      [{ ...base, allocationPercent: 101 }, 400],
      [{ ...base, allocationPercent: 50, extra: 1 }, 400],
      [{ ...base, allocationPercent: '50' }, 400],
      [{ ...base, allocationPercent: 50, role: 'a\u0000b' }, 400],
      [{ ...base, allocationPercent: 50, userId: other.userId }, 404, 'body.userId'],
      [{ ...base, allocationPercent: 50, projectId: MISSING_ID }, 404, 'body.projectId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await c.api(owner, 'POST', '/assignments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (path) expect(res.json().error.details[0].path).toBe(path);
    }
    const foreignProject = (await c.api(other, 'POST', '/projects', { name: 'T', code: 'T1' })).json().data;
    const res = await c.api(owner, 'POST', '/assignments', {
      ...base,
      allocationPercent: 5,
      projectId: foreignProject.id,
    });
    expect(res.statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('stale versions are 409; another tenant cannot see or change assignments; crew cannot assign', async () => {
    const a = await c.create(owner, '/assignments', {
      projectId: p1.id,
      userId: owner.userId,
      allocationPercent: 10,
      startDate: '2031-05-01',
      endDate: '2031-05-31',
    });
    expect(
      (await c.api(owner, 'PATCH', `/assignments/${a.id}`, { role: 'Lead', version: 1 })).statusCode,
    ).toBe(200);
    const stale = await c.api(owner, 'PATCH', `/assignments/${a.id}`, { role: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ role: 'Lead', version: 2 });
    expect((await c.api(other, 'GET', `/assignments/${a.id}`)).statusCode).toBe(404);
    expect((await c.api(other, 'DELETE', `/assignments/${a.id}`)).statusCode).toBe(404);
    expect((await c.api(other, 'GET', `/assignments?projectId=${p1.id}`)).json().data).toEqual([]);
    const denied = await c.api(mason, 'POST', '/assignments', {
      projectId: p1.id,
      userId: mason.userId,
      allocationPercent: 10,
      startDate: '2031-05-01',
      endDate: '2031-05-31',
    });
    expect(denied.statusCode).toBe(403);
    expect((await c.api(owner, 'DELETE', `/assignments/${a.id}`)).statusCode).toBe(200);
  });
});
