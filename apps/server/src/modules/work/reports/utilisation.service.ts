import type { UtilisationRow, utilisationQuery } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { activeMemberDirectory } from '../../identity/index.ts';
import { capacitiesOf } from '../assignments/allocation.ts';
import { memberCapacities } from '../assignments/assignments.tables.ts';
import { assertActsFor } from '../shared/people.ts';
import { round1, weekdaysBetween } from './calendar.ts';

/**
 * Per member and period: capacity (their hours per week over the period's weekdays, 1/5 a day), hours booked,
 * billable hours and utilisation (booked / capacity). Everyone with timesheets.manage or .approve; else yourself.
 */
export const utilisation = (ctx: AuthedContext, q: z.output<typeof utilisationQuery>) =>
  kit.inTenant(ctx, async (tx): Promise<UtilisationRow[]> => {
    const wide =
      ctx.auth.permissions.has('timesheets.manage') || ctx.auth.permissions.has('timesheets.approve');
    const only = wide ? q.userId : ctx.userId;
    // One member: their membership row and their entries only (the user_id index range), not the tenant's.
    const members = await activeMemberDirectory(tx, ctx.tenantId, only ?? undefined);
    const capacity = await capacitiesOf(
      tx,
      ctx.tenantId,
      members.map((m) => m.userId),
    );
    const { rows } = (await tx.execute(sql`
      select user_id, sum(minutes)::int as booked, coalesce(sum(minutes) filter (where billable), 0)::int as billable
        from time_entries
       where tenant_id = ${ctx.tenantId} and work_date between ${q.from} and ${q.to}
         ${only ? sql`and user_id = ${only}` : sql``}
       group by user_id`)) as unknown as { rows: { user_id: string; booked: number; billable: number }[] };
    const booked = new Map(rows.map((r) => [r.user_id, r]));
    const days = weekdaysBetween(q.from, q.to);
    const pct = (minutes: number, cap: number) => (cap > 0 ? round1((minutes / cap) * 100) : null);
    return members
      .map((m) => {
        const perWeek = capacity(m.userId);
        const cap = (perWeek / 5) * days;
        const b = booked.get(m.userId) ?? { booked: 0, billable: 0 };
        return {
          userId: m.userId,
          name: m.name,
          hoursPerWeek: perWeek / 60,
          capacityHours: cap / 60,
          bookedHours: b.booked / 60,
          billableHours: b.billable / 60,
          utilisation: pct(b.booked, cap),
          billableUtilisation: pct(b.billable, cap),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  });

/** Sets a member's working hours per week (their capacity); audited. */
export const setCapacity = (ctx: AuthedContext, userId: string, hoursPerWeek: number) =>
  kit.inTenant(ctx, async (tx) => {
    assertActsFor(ctx, userId, 'timesheets.manage');
    await kit.assertReferences(tx, ctx, { userId });
    const before = (await capacitiesOf(tx, ctx.tenantId, [userId]))(userId);
    const minutesPerWeek = Math.round(hoursPerWeek * 60);
    await tx
      .insert(memberCapacities)
      .values({ tenantId: ctx.tenantId, userId, minutesPerWeek })
      .onConflictDoUpdate({
        target: [memberCapacities.tenantId, memberCapacities.userId],
        set: { minutesPerWeek },
      });
    await writeAudit(tx, ctx, {
      action: 'member_capacity.updated',
      targetType: 'member_capacity',
      targetId: userId,
      changes: { hoursPerWeek: { from: before / 60, to: hoursPerWeek } },
    });
    return { userId, hoursPerWeek };
  });
