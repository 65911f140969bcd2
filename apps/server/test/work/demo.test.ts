import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDeps } from '../../src/app.ts';
import { seedWorkDemo, WORK_DEMO_COUNTS } from '../../src/modules/work/index.ts';
import { createGeneratedTenant } from '../../src/seed/generate.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, logIn } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { workApi } from './work-fixtures.ts';

const t = setupApiTest();
const w = workApi(t);
const deps = () => identityDeps({ config: t.config, jwtSecret: TEST_JWT_SECRET, database: t.database });
// A Wednesday: the seeded weeks are the three before the week of 2031-03-10.
const NOW = new Date('2031-03-12T10:00:00Z');
let tenantId: string;
let owner: BrowserSession;
let manager: BrowserSession;
let ids: { owner: string; manager: string };

beforeAll(async () => {
  const g = await createGeneratedTenant(deps(), { agents: 3 });
  const [managerId, sales1, sales2, dispatcher] = g.memberIds.slice(1) as [string, string, string, string];
  ids = { owner: g.ownerId, manager: managerId };
  tenantId = g.tenantId;
  await seedWorkDemo(
    t.database,
    g.tenantId,
    { owner: g.ownerId, manager: managerId, sales: [sales1, sales2], dispatcher },
    NOW,
  );
  owner = await logIn(t.app, g.email, g.password);
  manager = await logIn(t.app, g.email.replace('owner.', 'manager.'), g.password);
}, 60_000);

const count = async (table: string) => {
  const [row] = await dbRows<{ n: number }>(
    t,
    sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}`,
  );
  return row?.n ?? 0;
};

describe('work demo data', () => {
  it('has the expected number of each record', async () => {
    expect(await count('projects')).toBe(WORK_DEMO_COUNTS.projects);
    expect(await count('project_milestones')).toBe(WORK_DEMO_COUNTS.milestones);
    expect(await count('project_assignments')).toBe(WORK_DEMO_COUNTS.assignments);
    expect(await count('time_entries')).toBe(WORK_DEMO_COUNTS.timeEntries);
    expect(await count('expenses')).toBe(WORK_DEMO_COUNTS.expenses);
  });

  it('has two weeks approved and one waiting for approval per person; the days total 8 h and 5 h', async () => {
    const weeks = await dbRows<{ user_id: string; week_start: string; status: string }>(
      t,
      sql`select user_id, week_start::text, status from timesheet_weeks where tenant_id = ${tenantId}
          order by week_start, user_id`,
    );
    expect(weeks.map((r) => `${r.week_start} ${r.status}`).sort()).toEqual(
      [
        '2031-02-17 approved',
        '2031-02-17 approved',
        '2031-02-24 approved',
        '2031-02-24 approved',
        '2031-03-03 submitted',
        '2031-03-03 submitted',
      ].sort(),
    );
    const ownerWeek = await w.week(owner, 'me', '2031-03-03');
    expect(ownerWeek.status).toBe('submitted');
    expect(ownerWeek.totals.days).toEqual([8, 8, 8, 8, 8, 0, 0]);
    const managerWeek = await w.week(manager, 'me', '2031-02-24');
    expect(managerWeek.status).toBe('approved');
    expect(managerWeek.totals.hours).toBe(25);
    // The approvals queue: the manager sees the owner's week (and their own, which they cannot approve).
    const queue = (await w.api(manager, 'GET', '/timesheets?status=submitted')).json().data as {
      userId: string;
    }[];
    expect(queue.map((r) => r.userId)).toContain(ids.owner);
    const approve = await w.api(manager, 'POST', `${w.weekUrl(ids.owner, '2031-03-03')}/approve`, {
      version: ownerWeek.version,
    });
    expect(approve.statusCode, approve.body).toBe(200);
  });

  it('shows booked hours and cost against the budget, and the owner over-allocated', async () => {
    const list = (await w.api(owner, 'GET', '/projects?sort=code')).json().data as {
      id: string;
      code: string;
      companyId: string | null;
    }[];
    expect(list.map((p) => p.code)).toEqual(['HAR-02', 'RIV-01', 'SOL-03']);
    const riverside = list.find((p) => p.code === 'RIV-01');
    const res = await w.api(owner, 'GET', `/projects/${riverside?.id}/budget?asOf=2031-03-12`);
    expect(res.statusCode, res.body).toBe(200);
    const budget = res.json().data;
    // Owner 5 h + manager 3 h a day, 15 weekdays.
    expect(budget).toMatchObject({ budgetHours: 400, bookedHours: 120, billableHours: 120 });
    expect(budget.expensesCents).toBe(48_600);
    expect(budget.warnings.map((x: { userId: string }) => x.userId)).toContain(ids.owner);
    const milestones = (await w.api(owner, 'GET', `/milestones?projectId=${riverside?.id}`)).json().data;
    expect(milestones.map((m: { name: string }) => m.name)).toEqual([
      'Design sign-off',
      'First fix complete',
      'Handover',
    ]);
    const expenses = (await w.api(manager, 'GET', '/expenses?status=submitted')).json().data;
    expect(expenses).toHaveLength(2);
  });
});
