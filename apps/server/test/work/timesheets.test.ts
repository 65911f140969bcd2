import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { failure, workApi } from './work-fixtures.ts';

let owner: BrowserSession;
let manager: BrowserSession;
let crew: BrowserSession;
let crew2: BrowserSession;
let other: BrowserSession;
let project: { id: string };
let foreignProject: { id: string };
const t = setupApiTest();
const w = workApi(t);
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
    defaultRateCents: 5000,
    roleRates: { Electrician: 7000 },
  });
  foreignProject = await w.create(other, '/projects', { name: 'Theirs', code: 'X' });
});

const TABLES = ['time_entries', 'timesheet_weeks'];
const row = (hours: number[], extra: object = {}) => ({ projectId: project.id, hours, ...extra });
const entry = (as: BrowserSession, body: object) =>
  w.api(as, 'POST', '/time-entries', { projectId: project.id, ...body });

describe('time entries', () => {
  it('a member books their own time in quarter hours; audited; billable by default on a billable project', async () => {
    const res = await entry(crew, { date: '2031-03-04', hours: 7.75, note: 'Wiring' });
    expect(res.statusCode).toBe(201);
    const e = res.json().data;
    expect(e).toMatchObject({
      userId: crew.userId,
      date: '2031-03-04',
      weekStart: '2031-03-03',
      hours: 7.75,
      billable: true,
    });
    expect(await auditActions(t, owner.tenantId, e.id)).toEqual(['time_entry.created']);
    expect(await w.dayTotals(owner.tenantId, crew.userId, '2031-03-04')).toEqual({ kept: 465, summed: 465 });
    const patched = await w.api(crew, 'PATCH', `/time-entries/${e.id}`, { hours: 8, version: 1 });
    expect(patched.json().data.hours).toBe(8);
    expect(await w.dayTotals(owner.tenantId, crew.userId, '2031-03-04')).toEqual({ kept: 480, summed: 480 });
    expect((await w.api(crew, 'PATCH', `/time-entries/${e.id}`, { hours: 9, version: 1 })).statusCode).toBe(
      409,
    );
    expect((await w.api(crew, 'POST', `/time-entries/${e.id}/archive`)).statusCode).toBe(400);
  });

  it('bad input changes nothing: not quarter hours, zero, over 24, unknown fields, NUL, foreign project, wrong dates', async () => {
    const before = await w.snapshot(owner.tenantId, TABLES);
    const cases: [object, number][] = [
      [{ date: '2031-03-05', hours: 0.3 }, 400],
      [{ date: '2031-03-05', hours: 0 }, 400],
      [{ date: '2031-03-05', hours: 24.25 }, 400],
      [{ date: '2031-03-05', hours: '2' }, 400],
      [{ date: '2031-02-30', hours: 2 }, 400],
      [{ date: '2031-03-05', hours: 2, extra: 1 }, 400],
      [{ date: '2031-03-05', hours: 2, note: 'a\u0000b' }, 400],
      [{ date: '2031-03-05', hours: 2, note: 'x'.repeat(2001) }, 400],
      [{ date: '2031-03-05', hours: 2, projectId: foreignProject.id }, 404],
      [{ date: '2031-03-05', hours: 2, taskId: MISSING_ID }, 404],
    ];
    for (const [body, status] of cases)
      expect((await entry(crew, body)).statusCode, JSON.stringify(body)).toBe(status);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // The database holds the quarter-hour rule too.
    expect(
      await failure(
        dbRows(
          t,
          sql`insert into time_entries (id, tenant_id, user_id, work_date, project_id, minutes)
            values (gen_random_uuid(), ${owner.tenantId}, ${crew.userId}, '2031-03-05', ${project.id}, 20)`,
        ),
      ),
    ).toMatch(/time_entries_quarter_hours/);
  });

  it("nobody books on another member's sheet without timesheets.manage; a manager may; others' sheets are hidden", async () => {
    const before = await w.snapshot(owner.tenantId, TABLES);
    const res = await entry(crew, { userId: crew2.userId, date: '2031-03-05', hours: 1 });
    expect(res.statusCode).toBe(403);
    expect(
      (await w.saveWeek(crew, crew2.userId, '2031-03-03', [row([1, 0, 0, 0, 0, 0, 0])])).statusCode,
    ).toBe(403);
    expect((await w.api(crew, 'GET', w.weekUrl(crew2.userId, '2031-03-03'))).statusCode).toBe(403);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const forCole = await entry(manager, { userId: crew2.userId, date: '2031-03-05', hours: 1 });
    expect(forCole.statusCode).toBe(201);
    expect(forCole.json().data.userId).toBe(crew2.userId);
    // Carla sees only her own entries; she cannot touch Cole's.
    const mine = await w.pageAll<{ userId: string }>(crew, '/time-entries');
    expect(mine.every((e) => e.userId === crew.userId)).toBe(true);
    expect((await w.api(crew, 'GET', `/time-entries/${forCole.json().data.id}`)).statusCode).toBe(404);
    expect((await w.api(crew, 'DELETE', `/time-entries/${forCole.json().data.id}`)).statusCode).toBe(404);
    // Another tenant sees nothing.
    expect((await w.api(other, 'GET', `/time-entries/${forCole.json().data.id}`)).statusCode).toBe(404);
    expect(
      (await w.api(other, 'PATCH', `/time-entries/${forCole.json().data.id}`, { hours: 2, version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(await w.pageAll(other, '/time-entries')).toEqual([]);
  });
});

describe('24 hours a day (database rule)', () => {
  it('refuses a booking that takes a day over 24 h, alone or inside a week grid; nothing changes', async () => {
    expect((await entry(crew2, { date: '2031-03-11', hours: 20 })).statusCode).toBe(201);
    const before = await w.snapshot(owner.tenantId, TABLES);
    const over = await entry(crew2, { date: '2031-03-11', hours: 4.25 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('24 hours');
    const grid = await w.saveWeek(crew, crew.userId, '2031-03-10', [
      row([12, 0, 0, 0, 0, 0, 0]),
      row([12.25, 0, 0, 0, 0, 0, 0]),
    ]);
    expect(grid.statusCode).toBe(409);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await entry(crew2, { date: '2031-03-11', hours: 4 })).statusCode).toBe(201);
    expect(await w.dayTotals(owner.tenantId, crew2.userId, '2031-03-11')).toEqual({
      kept: 1440,
      summed: 1440,
    });
  });

  it('concurrent bookings of the same day cannot pass 24 h together', async () => {
    const results = await Promise.all(
      [16, 16, 16].map((hours) => entry(manager, { userId: crew2.userId, date: '2031-03-12', hours })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await w.dayTotals(owner.tenantId, crew2.userId, '2031-03-12')).toEqual({ kept: 960, summed: 960 });
    const grids = await Promise.all(
      [0, 1].map(() => w.saveWeek(manager, crew2.userId, '2031-03-10', [row([0, 16, 8, 0, 0, 0, 0])])),
    );
    // Saves replace the week: both may pass (one after the other), but the day never holds more than 24 h.
    expect(grids.every((g) => g.statusCode === 200 || g.statusCode === 409)).toBe(true);
    expect(await w.dayTotals(owner.tenantId, crew2.userId, '2031-03-11')).toEqual({ kept: 960, summed: 960 });
  });
});

describe('weekly sheet, submit and approval', () => {
  const monday = '2031-03-17';

  it('saves a weekly grid with totals; a stale version is a 409; saving again replaces the entries', async () => {
    const saved = await w.saveWeek(crew, crew.userId, monday, [
      row([8, 8, 8, 8, 6, 0, 0], { note: 'Panels' }),
      row([0, 0, 0, 0, 2, 0, 0], { billable: false }),
    ]);
    expect(saved.statusCode).toBe(200);
    const week = saved.json().data;
    expect(week).toMatchObject({
      status: 'draft',
      version: 2,
      totals: { days: [8, 8, 8, 8, 8, 0, 0], hours: 40, billableHours: 38 },
    });
    expect(week.entries).toHaveLength(6);
    expect((await w.saveWeek(crew, crew.userId, monday, [row([1, 0, 0, 0, 0, 0, 0])], 1)).statusCode).toBe(
      409,
    );
    const again = await w.saveWeek(crew, crew.userId, monday, [row([8, 8, 8, 8, 8, 0, 0])], 2);
    expect(again.json().data).toMatchObject({ version: 3, totals: { hours: 40, billableHours: 40 } });
    expect(again.json().data.entries).toHaveLength(5);
    expect(await auditActions(t, owner.tenantId, week.id)).toEqual([
      'timesheet_week.saved',
      'timesheet_week.saved',
    ]);
  });

  it('submit locks the week (service and trigger); only another approver decides; reject needs a reason', async () => {
    const submitted = await w.api(crew, 'POST', `${w.weekUrl('me', monday)}/submit`, { version: 3 });
    expect(submitted.json().data).toMatchObject({ status: 'submitted', version: 4 });
    const [first] = submitted.json().data.entries;
    const before = await w.snapshot(owner.tenantId, TABLES);
    expect((await entry(crew, { date: '2031-03-22', hours: 1 })).statusCode).toBe(409);
    expect(
      (await w.api(crew, 'PATCH', `/time-entries/${first.id}`, { hours: 1, version: 1 })).statusCode,
    ).toBe(409);
    expect((await w.api(crew, 'DELETE', `/time-entries/${first.id}`)).statusCode).toBe(409);
    expect((await w.saveWeek(crew, crew.userId, monday, [])).statusCode).toBe(409);
    // Past the service, the database refuses too.
    expect(
      await failure(dbRows(t, sql`update time_entries set minutes = 60 where id = ${first.id}`)),
    ).toMatch(/time_entries_locked/);
    expect(await failure(dbRows(t, sql`delete from time_entries where id = ${first.id}`))).toMatch(
      /time_entries_locked/,
    );
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Crew cannot approve; nobody approves their own week; the manager sees it in the queue.
    expect(
      (await w.api(crew2, 'POST', `${w.weekUrl(crew.userId, monday)}/approve`, { version: 4 })).statusCode,
    ).toBe(403);
    const queue = (await w.api(manager, 'GET', '/timesheets?status=submitted')).json().data;
    expect(queue.map((q: { userId: string; weekStart: string }) => [q.userId, q.weekStart])).toContainEqual([
      crew.userId,
      monday,
    ]);
    expect(
      (await w.api(crew, 'GET', '/timesheets?status=submitted'))
        .json()
        .data.every((q: { userId: string }) => q.userId === crew.userId),
    ).toBe(true);
    const noReason = await w.api(manager, 'POST', `${w.weekUrl(crew.userId, monday)}/reject`, { version: 4 });
    expect(noReason.statusCode).toBe(400);
    const rejected = await w.api(manager, 'POST', `${w.weekUrl(crew.userId, monday)}/reject`, {
      version: 4,
      reason: 'Friday is wrong',
    });
    expect(rejected.json().data).toMatchObject({
      status: 'rejected',
      reason: 'Friday is wrong',
      decidedBy: manager.userId,
    });
    // Rejected: editable again, then resubmitted and approved (a stale version is a 409).
    const fixed = await w.saveWeek(crew, crew.userId, monday, [row([8, 8, 8, 8, 7.5, 0, 0])]);
    expect(fixed.statusCode).toBe(200);
    const resubmitted = (await w.api(crew, 'POST', `${w.weekUrl('me', monday)}/submit`)).json().data;
    expect(resubmitted.status).toBe('submitted');
    expect(
      (await w.api(manager, 'POST', `${w.weekUrl(crew.userId, monday)}/approve`, { version: 1 })).statusCode,
    ).toBe(409);
    const approved = await w.api(manager, 'POST', `${w.weekUrl(crew.userId, monday)}/approve`, {
      version: resubmitted.version,
    });
    expect(approved.json().data).toMatchObject({ status: 'approved', reason: null, totals: { hours: 39.5 } });
    expect(await auditActions(t, owner.tenantId, resubmitted.id)).toEqual([
      'timesheet_week.saved',
      'timesheet_week.saved',
      'timesheet_week.submitted',
      'timesheet_week.rejected',
      'timesheet_week.saved',
      'timesheet_week.submitted',
      'timesheet_week.approved',
    ]);
    // Approved stays approved and locked.
    expect((await w.api(crew, 'POST', `${w.weekUrl('me', monday)}/submit`)).statusCode).toBe(409);
    expect((await w.saveWeek(manager, crew.userId, monday, [])).statusCode).toBe(409);
    expect(
      await failure(dbRows(t, sql`update timesheet_weeks set status = 'draft' where id = ${resubmitted.id}`)),
    ).toMatch(/timesheet_weeks_approved_final/);
  });

  it('owner cannot approve their own week; approving a week nobody submitted is a 409 or 404', async () => {
    await w.saveWeek(owner, owner.userId, '2031-03-24', [row([1, 0, 0, 0, 0, 0, 0])]);
    const week = (await w.api(owner, 'POST', `${w.weekUrl('me', '2031-03-24')}/submit`)).json().data;
    expect(
      (
        await w.api(owner, 'POST', `${w.weekUrl(owner.userId, '2031-03-24')}/approve`, {
          version: week.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await w.api(manager, 'POST', `${w.weekUrl(crew2.userId, '2031-04-07')}/approve`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.api(manager, 'POST', `${w.weekUrl(crew2.userId, '2031-03-10')}/approve`, { version: 99 }))
        .statusCode,
    ).toBe(409);
    expect((await w.api(manager, 'GET', w.weekUrl(crew2.userId, '2031-03-11'))).statusCode).toBe(400);
  });
});

describe('billable time → invoice lines, invoiced once', () => {
  it('lists approved billable unbilled time priced at each rate; marks it invoiced once, also under concurrency', async () => {
    await w.create(owner, '/assignments', {
      projectId: project.id,
      userId: crew.userId,
      role: 'Electrician',
      allocationPercent: 100,
      startDate: '2031-03-01',
      endDate: '2031-03-31',
    });
    const bill = (await w.api(owner, 'GET', `/projects/${project.id}/billable-time`)).json().data;
    // Only Carla's approved week (39.5 h at the Electrician role rate 70.00); nothing of drafts or submitted weeks.
    expect(bill).toMatchObject({ hours: 39.5, amountCents: 276_500 });
    expect(new Set(bill.lines.map((l: { rateCents: number }) => l.rateCents))).toEqual(new Set([7000]));
    const ids = bill.lines.map((l: { entryId: string }) => l.entryId);
    const draft = (await entry(crew2, { date: '2031-04-01', hours: 1 })).json().data;
    const before = await w.snapshot(owner.tenantId, TABLES);
    const notApproved = await w.api(owner, 'POST', `/projects/${project.id}/billable-time/invoiced`, {
      entryIds: [...ids, draft.id],
      invoiceRef: 'INV-1',
    });
    expect(notApproved.statusCode).toBe(409);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const [a, b] = await Promise.all(
      ['INV-1', 'INV-2'].map((invoiceRef) =>
        w.api(owner, 'POST', `/projects/${project.id}/billable-time/invoiced`, { entryIds: ids, invoiceRef }),
      ),
    );
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const refs = await dbRows<{ invoice_ref: string }>(
      t,
      sql`select distinct invoice_ref from time_entries where tenant_id = ${owner.tenantId} and invoiced_at is not null`,
    );
    expect(refs).toHaveLength(1);
    expect((await w.api(owner, 'GET', `/projects/${project.id}/billable-time`)).json().data).toMatchObject({
      lines: [],
      hours: 0,
    });
    expect(
      await failure(dbRows(t, sql`update time_entries set invoice_ref = 'AGAIN' where id = ${ids[0]}`)),
    ).toMatch(/time_entries_invoiced_once/);
    expect((await w.api(other, 'GET', `/projects/${project.id}/billable-time`)).statusCode).toBe(404);
    expect((await w.api(crew, 'GET', `/projects/${project.id}/billable-time`)).statusCode).toBe(403);
    expect(
      (
        await w.api(owner, 'POST', `/projects/${project.id}/billable-time/invoiced`, {
          entryIds: [],
          invoiceRef: 'X',
        })
      ).statusCode,
    ).toBe(400);
  });
});
