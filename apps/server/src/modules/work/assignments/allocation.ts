import type { AllocationWarning } from '@tessera/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { assignments, memberCapacities } from './assignments.tables.ts';

/** Working hours per week of a member without a capacity of their own. */
export const DEFAULT_MINUTES_PER_WEEK = 40 * 60;

export interface Allocation {
  userId: string;
  startDate: string;
  endDate: string;
  allocationPercent: number | null;
  minutesPerWeek: number | null;
}

/** Minutes per week each member works (their own capacity or the default). */
export const capacitiesOf = async (tx: Tx, tenantId: string, userIds: readonly string[]) => {
  const rows = userIds.length
    ? await tx
        .select()
        .from(memberCapacities)
        .where(and(eq(memberCapacities.tenantId, tenantId), inArray(memberCapacities.userId, [...userIds])))
    : [];
  const own = new Map(rows.map((r) => [r.userId, r.minutesPerWeek]));
  return (userId: string) => own.get(userId) ?? DEFAULT_MINUTES_PER_WEEK;
};

/** An assignment's share of the member's capacity, in percent. */
export const percentOf = (a: Allocation, capacityMinutes: number) =>
  a.allocationPercent ?? (capacityMinutes > 0 ? ((a.minutesPerWeek ?? 0) / capacityMinutes) * 100 : 100);

/**
 * The first day in [from, to] on which a member's assignments add up to more than 100 % of their capacity.
 * Totals only change where an assignment starts, so those days (and `from`) are the only ones to look at.
 */
export const firstOverAllocation = (
  list: readonly Allocation[],
  capacityMinutes: number,
  from: string,
  to: string,
): { from: string; percent: number } | null => {
  const days = [...new Set([from, ...list.map((a) => a.startDate)])]
    .filter((d) => d >= from && d <= to)
    .sort();
  for (const d of days) {
    const total = list
      .filter((a) => a.startDate <= d && a.endDate >= d)
      .reduce((sum, a) => sum + percentOf(a, capacityMinutes), 0);
    if (total > 100.0001) return { from: d, percent: Math.round(total * 10) / 10 };
  }
  return null;
};

/** The over-allocation of each member within each period asked for (null: none), in the order asked. */
export const overAllocationWarnings = async (
  tx: Tx,
  tenantId: string,
  periods: readonly { userId: string; from: string; to: string }[],
): Promise<(AllocationWarning | null)[]> => {
  const userIds = [...new Set(periods.map((p) => p.userId))];
  if (userIds.length === 0) return [];
  const all = await tx
    .select({
      userId: assignments.userId,
      startDate: assignments.startDate,
      endDate: assignments.endDate,
      allocationPercent: assignments.allocationPercent,
      minutesPerWeek: assignments.minutesPerWeek,
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        inArray(assignments.userId, userIds),
        isNull(assignments.archivedAt),
      ),
    );
  const capacity = await capacitiesOf(tx, tenantId, userIds);
  return periods.map((p) => {
    const found = firstOverAllocation(
      all.filter((a) => a.userId === p.userId),
      capacity(p.userId),
      p.from,
      p.to,
    );
    return found ? { code: 'over_allocated' as const, userId: p.userId, ...found } : null;
  });
};
