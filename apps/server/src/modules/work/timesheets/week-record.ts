import type { TimesheetWeekSummary } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { ownRowsOnly } from '../shared/people.ts';
import { SHEET_READERS } from './time-entry-record.ts';
import { timesheetWeeks } from './timesheets.tables.ts';

export type WeekRow = typeof timesheetWeeks.$inferSelect;

export const weekDef: kit.RecordDef = {
  name: 'timesheet_week',
  label: 'Timesheet week',
  table: timesheetWeeks,
  scope: 'projects',
  auditFields: ['status', 'submittedAt', 'decidedBy', 'decidedAt', 'reason'],
  restrict: (ctx) => ownRowsOnly(ctx, SHEET_READERS, timesheetWeeks.userId),
};

const noTotals = { days: [0, 0, 0, 0, 0, 0, 0], hours: 0, billableHours: 0 };

export const toWeekSummary = (r: WeekRow, totals = noTotals): TimesheetWeekSummary => ({
  id: r.id,
  userId: r.userId,
  weekStart: r.weekStart,
  status: r.status,
  version: r.version,
  submittedAt: kit.iso(r.submittedAt),
  decidedBy: r.decidedBy,
  decidedAt: kit.iso(r.decidedAt),
  reason: r.reason,
  totals,
});

const where = (tenantId: string, userId: string, weekStart: string) =>
  and(
    eq(timesheetWeeks.tenantId, tenantId),
    eq(timesheetWeeks.userId, userId),
    eq(timesheetWeeks.weekStart, weekStart),
  );

/** The member's week row, if any. */
export const findWeek = async (tx: Tx, tenantId: string, userId: string, weekStart: string) =>
  (
    await tx
      .select()
      .from(timesheetWeeks)
      .where(where(tenantId, userId, weekStart))
  )[0];

/** The member's week row, made (draft) when missing, locked for the transaction (saves, submits, decisions). */
export const lockWeek = async (
  tx: Tx,
  ctx: AuthedContext,
  userId: string,
  weekStart: string,
): Promise<WeekRow> => {
  await tx
    .insert(timesheetWeeks)
    .values({ tenantId: ctx.tenantId, userId, weekStart, createdBy: ctx.userId })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(timesheetWeeks)
    .where(where(ctx.tenantId, userId, weekStart))
    .for('update');
  if (!row) throw new Error('week row missing after insert');
  return row;
};

/** Bumps the week's version (a save of its grid). */
export const touchWeek = (tx: Tx, id: string) =>
  tx
    .update(timesheetWeeks)
    .set({ version: sql`${timesheetWeeks.version} + 1`, updatedAt: new Date() })
    .where(eq(timesheetWeeks.id, id));
