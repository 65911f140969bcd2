import type { ProjectBudget } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { capacitiesOf, overAllocationWarnings, percentOf } from '../assignments/allocation.ts';
import { type ProjectRow, projectDef } from '../projects/project-record.ts';
import { pricedEntries } from '../timesheets/rates.ts';
import { addDays, mondays, weekdaysBetween } from './calendar.ts';

type Totals = { booked: number; approved: number; billable: number; cost: string };
type Week = { week_start: string; minutes: number };
type Plan = {
  user_id: string;
  start_date: string;
  end_date: string;
  allocation_percent: string | null;
  minutes_per_week: number | null;
  rate: string;
};

const q = async <T>(tx: Parameters<Parameters<typeof kit.inTenant>[1]>[0], query: ReturnType<typeof sql>) =>
  ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * A project's hours and cost against its budget, the weekly burn-down, and the forecast at completion: hours
 * booked so far plus what the assignments still plan after `asOf` (their allocation over the remaining weekdays).
 */
export const projectBudget = (ctx: AuthedContext, projectId: string, asOf: string) =>
  kit.inTenant(ctx, async (tx): Promise<ProjectBudget> => {
    const p = await kit.findRecord<ProjectRow>(tx, ctx, projectDef, projectId);
    const [totals] = await q<Totals>(
      tx,
      sql`
      select coalesce(sum(e.minutes), 0)::int as booked,
             coalesce(sum(e.minutes) filter (where w.status = 'approved'), 0)::int as approved,
             coalesce(sum(e.minutes) filter (where e.billable), 0)::int as billable,
             coalesce(sum(round(e.minutes * e.rate / 60.0)), 0)::bigint as cost
        from ${pricedEntries(ctx.tenantId, projectId)} e
        left join timesheet_weeks w on w.tenant_id = ${ctx.tenantId} and w.user_id = e.user_id and w.week_start = e.week_start
       `,
    );
    const [spent] = await q<{ cents: string }>(
      tx,
      sql`
      select coalesce(sum(amount_cents), 0)::bigint as cents from expenses
       where tenant_id = ${ctx.tenantId} and project_id = ${projectId} and status = 'approved'`,
    );
    const weeks = await q<Week>(
      tx,
      sql`
      select week_start::text as week_start, sum(minutes)::int as minutes from time_entries
       where tenant_id = ${ctx.tenantId} and project_id = ${projectId} group by week_start order by week_start`,
    );
    const plans = await q<Plan>(
      tx,
      sql`
      select a.user_id, a.start_date::text as start_date, a.end_date::text as end_date, a.allocation_percent,
             a.minutes_per_week, coalesce(a.rate_cents, (p.role_rates ->> a.role)::bigint, p.default_rate_cents, 0) as rate
        from project_assignments a join projects p on p.tenant_id = a.tenant_id and p.id = a.project_id
       where a.tenant_id = ${ctx.tenantId} and a.project_id = ${projectId} and a.archived_at is null`,
    );
    const booked = totals?.booked ?? 0;
    const byWeek = new Map(weeks.map((w) => [w.week_start, w.minutes]));
    let left = p.budgetMinutes;
    const first = weeks[0]?.week_start;
    const burnDown = first
      ? mondays(first, weeks[weeks.length - 1]?.week_start ?? first).map((weekStart) => {
          const minutes = byWeek.get(weekStart) ?? 0;
          left = left === null ? null : left - minutes;
          return { weekStart, hours: minutes / 60, remainingHours: left === null ? null : left / 60 };
        })
      : [];
    const capacity = await capacitiesOf(
      tx,
      ctx.tenantId,
      plans.map((a) => a.user_id),
    );
    let plannedMinutes = 0;
    let plannedCents = 0;
    const from = addDays(asOf, 1);
    for (const a of plans) {
      const start = a.start_date > from ? a.start_date : from;
      const percent = percentOf(
        {
          userId: a.user_id,
          startDate: a.start_date,
          endDate: a.end_date,
          allocationPercent: a.allocation_percent === null ? null : Number(a.allocation_percent),
          minutesPerWeek: a.minutes_per_week,
        },
        capacity(a.user_id),
      );
      const minutes = ((capacity(a.user_id) * percent) / 100 / 5) * weekdaysBetween(start, a.end_date);
      plannedMinutes += minutes;
      plannedCents += Math.round((minutes * Number(a.rate)) / 60);
    }
    const warnings = (
      await overAllocationWarnings(
        tx,
        ctx.tenantId,
        plans.map((a) => ({ userId: a.user_id, from: a.start_date, to: a.end_date })),
      )
    ).filter((x) => x !== null);
    const cost = Number(totals?.cost ?? 0);
    return redactFields(ctx.auth, {
      projectId,
      currency: p.currency,
      budgetHours: p.budgetMinutes === null ? null : p.budgetMinutes / 60,
      budgetCents: p.budgetCents,
      bookedHours: booked / 60,
      approvedHours: (totals?.approved ?? 0) / 60,
      billableHours: (totals?.billable ?? 0) / 60,
      costCents: cost,
      expensesCents: Number(spent?.cents ?? 0),
      burnDown,
      forecastHours: Math.round(((booked + plannedMinutes) / 60) * 100) / 100,
      forecastCents: cost + plannedCents,
      warnings: [...new Map(warnings.map((x) => [x.userId, x])).values()],
    }) as ProjectBudget;
  });
