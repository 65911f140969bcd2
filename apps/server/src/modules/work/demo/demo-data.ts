import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/columns.ts';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { assignments } from '../assignments/assignments.tables.ts';
import { expenses } from '../expenses/expenses.tables.ts';
import { milestones, projects } from '../projects/projects.tables.ts';
import { timeEntries, timesheetWeeks } from '../timesheets/timesheets.tables.ts';

/** The people the demo seed made (the CRM's DemoPeople shape). */
export interface WorkDemoPeople {
  owner: string;
  manager: string;
  sales: readonly [string, string];
  dispatcher: string;
}

const DAY = 86_400_000;
/** `YYYY-MM-DD` of a UTC day `days` after `from`. */
const isoDay = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
/** Monday (UTC) of the week `at` falls in. */
export const mondayOf = (at: Date) => {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
};

/** What the work demo makes (the demo test checks these). */
export const WORK_DEMO_COUNTS = {
  projects: 3,
  milestones: 6,
  assignments: 4,
  /** Three past weeks for the owner and the manager, five weekdays each, two projects a day. */
  timeEntries: 60,
  expenses: 4,
} as const;

/**
 * Work demo data for the demo company: three projects (two active with milestones and a team, one planned),
 * the owner and the manager booked on them for the three weeks before this one — the oldest two approved,
 * the last one submitted (so each of them has a week to approve) — and a few expenses in every state.
 * The owner is allocated 110 % across the two active projects (an over-allocation warning). Dates are
 * relative to `now`. Writes only work tables; reads one CRM company as the client.
 */
export const seedWorkDemo = async (
  database: Database,
  tenantId: string,
  people: WorkDemoPeople,
  now = new Date(),
) => {
  const monday = mondayOf(now);
  const start = isoDay(monday, -42);
  await withTenant(database, tenantId, async (tx) => {
    const client = (await tx.execute(
      sql`select id from companies where tenant_id = ${tenantId} order by name, id limit 1`,
    )) as unknown as { rows: { id: string }[] };
    const companyId = client.rows[0]?.id ?? null;
    const project = (p: Partial<typeof projects.$inferInsert> & { name: string; code: string }) => ({
      id: newId(),
      tenantId,
      createdBy: people.owner,
      currency: 'USD',
      managerId: people.manager,
      ...p,
    });
    const riverside = project({
      name: 'Riverside office fit-out',
      code: 'RIV-01',
      status: 'active',
      companyId,
      startDate: start,
      endDate: isoDay(monday, 70),
      budgetMinutes: 400 * 60,
      budgetCents: 4_000_000,
      billingMode: 'time_and_materials',
      defaultRateCents: 9_500,
      roleRates: { 'Site manager': 12_000 },
      description: 'Open-plan office on two floors: partitions, electrics, lighting and flooring.',
    });
    const harbour = project({
      name: 'Harbour clinic maintenance',
      code: 'HAR-02',
      status: 'active',
      startDate: start,
      endDate: isoDay(monday, 42),
      budgetMinutes: 160 * 60,
      budgetCents: 1_800_000,
      billingMode: 'fixed_price',
      defaultRateCents: 8_500,
    });
    const solar = project({
      name: 'Warehouse solar survey',
      code: 'SOL-03',
      status: 'planned',
      startDate: isoDay(monday, 28),
      endDate: isoDay(monday, 56),
      budgetMinutes: 40 * 60,
      billingMode: 'non_billable',
      managerId: people.owner,
    });
    await tx.insert(projects).values([riverside, harbour, solar]);
    const milestone = (
      projectId: string,
      name: string,
      due: number,
      status: 'open' | 'reached',
      cents?: number,
    ) => ({
      id: newId(),
      tenantId,
      createdBy: people.manager,
      projectId,
      name,
      dueDate: isoDay(monday, due),
      status,
      amountCents: cents ?? null,
    });
    await tx
      .insert(milestones)
      .values([
        milestone(riverside.id, 'Design sign-off', -28, 'reached'),
        milestone(riverside.id, 'First fix complete', 14, 'open'),
        milestone(riverside.id, 'Handover', 70, 'open'),
        milestone(harbour.id, 'Quarterly inspection', -7, 'reached', 600_000),
        milestone(harbour.id, 'Boiler replacement', 21, 'open', 1_200_000),
        milestone(solar.id, 'Survey report', 56, 'open'),
      ]);
    const assign = (projectId: string, userId: string, role: string, percent: number) => ({
      id: newId(),
      tenantId,
      createdBy: people.manager,
      projectId,
      userId,
      role,
      allocationPercent: percent,
      startDate: start,
      endDate: isoDay(monday, 41),
    });
    await tx
      .insert(assignments)
      .values([
        assign(riverside.id, people.owner, 'Site manager', 60),
        assign(riverside.id, people.manager, 'Project lead', 40),
        assign(harbour.id, people.owner, 'Engineer', 50),
        assign(harbour.id, people.manager, 'Project lead', 30),
      ]);
    // Three past weeks, Monday to Friday: the owner 5 h + 3 h, the manager 3 h + 2 h a day.
    const entries: (typeof timeEntries.$inferInsert)[] = [];
    const weeks = [-3, -2, -1].map((w) => isoDay(monday, w * 7));
    for (const week of weeks) {
      for (let d = 0; d < 5; d++) {
        const workDate = isoDay(new Date(`${week}T00:00:00Z`), d);
        for (const [userId, a, b] of [
          [people.owner, 5, 3],
          [people.manager, 3, 2],
        ] as const) {
          const entry = (projectId: string, hours: number, billable: boolean) => ({
            id: newId(),
            tenantId,
            createdBy: userId,
            userId,
            workDate,
            projectId,
            minutes: hours * 60,
            billable,
            note: d === 0 ? 'Site meeting and planning' : null,
          });
          entries.push(entry(riverside.id, a, true), entry(harbour.id, b, d !== 4));
        }
      }
    }
    await tx.insert(timeEntries).values(entries);
    // Booking made the weeks' draft rows; decide them now (entries of decided weeks are locked).
    const decided = weeks.slice(0, 2);
    const submittedAt = new Date(`${weeks[2]}T17:00:00Z`);
    await tx
      .update(timesheetWeeks)
      .set({ status: 'submitted', submittedAt, version: sql`${timesheetWeeks.version} + 1` })
      .where(and(eq(timesheetWeeks.tenantId, tenantId), inArray(timesheetWeeks.weekStart, weeks)));
    for (const [userId, approver] of [
      [people.owner, people.manager],
      [people.manager, people.owner],
    ] as const) {
      await tx
        .update(timesheetWeeks)
        .set({
          status: 'approved',
          decidedBy: approver,
          decidedAt: submittedAt,
          version: sql`${timesheetWeeks.version} + 1`,
        })
        .where(
          and(
            eq(timesheetWeeks.tenantId, tenantId),
            eq(timesheetWeeks.userId, userId),
            inArray(timesheetWeeks.weekStart, decided),
          ),
        );
    }
    const expense = (
      userId: string,
      projectId: string,
      category: string,
      amountCents: number,
      status: 'draft' | 'submitted' | 'approved',
      day: number,
      note: string,
    ) => ({
      id: newId(),
      tenantId,
      createdBy: userId,
      userId,
      projectId,
      category,
      amountCents,
      taxCents: Math.round(amountCents / 6),
      currency: 'USD',
      billable: category !== 'Meals',
      expenseDate: isoDay(monday, day),
      note,
      status,
      decidedBy: status === 'approved' ? people.manager : null,
      decidedAt: status === 'approved' ? submittedAt : null,
    });
    await tx
      .insert(expenses)
      .values([
        expense(people.owner, riverside.id, 'Materials', 48_600, 'approved', -18, 'Cable trays and fixings'),
        expense(people.owner, harbour.id, 'Travel', 7_200, 'submitted', -4, 'Mileage to the clinic'),
        expense(
          people.manager,
          riverside.id,
          'Equipment hire',
          32_000,
          'submitted',
          -10,
          'Scissor lift, 2 days',
        ),
        expense(people.manager, harbour.id, 'Meals', 4_350, 'draft', -2, 'Team lunch on site'),
      ]);
  });
};
