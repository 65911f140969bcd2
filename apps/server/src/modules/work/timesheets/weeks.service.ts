import type { TimesheetWeek, timesheetListQuery, timesheetWeekSaveInput } from '@tessera/contracts';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActsFor, resolveMe, toMinutes } from '../shared/people.ts';
import { billableByDefault, SHEET_READERS, timeRules, toTimeEntry } from './time-entry-record.ts';
import { timeEntries, timesheetWeeks } from './timesheets.tables.ts';
import { findWeek, lockWeek, touchWeek, toWeekSummary, type WeekRow, weekDef } from './week-record.ts';

const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Reading a sheet: your own, or anyone's with timesheets.manage or .approve. */
const assertReads = (ctx: AuthedContext, userId: string) => {
  if (userId !== ctx.userId && !SHEET_READERS.some((p) => ctx.auth.permissions.has(p)))
    throw new AppError(
      'FORBIDDEN',
      "You need timesheets.manage or timesheets.approve to see another member's sheet",
    );
};

const weekOf = async (tx: Tx, ctx: AuthedContext, userId: string, weekStart: string, row?: WeekRow) => {
  const week = row ?? (await findWeek(tx, ctx.tenantId, userId, weekStart));
  const entries = (
    await tx
      .select()
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.tenantId, ctx.tenantId),
          eq(timeEntries.userId, userId),
          eq(timeEntries.weekStart, weekStart),
        ),
      )
      .orderBy(asc(timeEntries.workDate), asc(timeEntries.createdAt), asc(timeEntries.id))
  ).map(toTimeEntry);
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) =>
    entries.filter((e) => e.date === plusDays(weekStart, i)).reduce((s, e) => s + e.hours, 0),
  );
  const totals = {
    days,
    hours: days.reduce((a, b) => a + b, 0),
    billableHours: entries.filter((e) => e.billable).reduce((s, e) => s + e.hours, 0),
  };
  const summary = week
    ? toWeekSummary(week, totals)
    : {
        id: null,
        userId,
        weekStart,
        status: 'draft' as const,
        version: 0,
        submittedAt: null,
        decidedBy: null,
        decidedAt: null,
        reason: null,
        totals,
      };
  return { ...summary, entries } satisfies TimesheetWeek;
};

/** A member's week: its state, entries and totals per day. */
export const getWeek = (ctx: AuthedContext, who: string, weekStart: string) =>
  kit.inTenant(ctx, async (tx) => {
    const userId = resolveMe(ctx, who) as string;
    assertReads(ctx, userId);
    return weekOf(tx, ctx, userId, weekStart);
  });

const assertOpen = (week: WeekRow) => {
  if (week.status === 'submitted' || week.status === 'approved')
    throw new AppError('CONFLICT', `The week is ${week.status}: its entries are locked`);
};

/**
 * Saves the weekly grid: the week's entries are replaced by the rows (hours per day, Monday first). The
 * database refuses more than 24 h on a day and any change to a submitted or approved week.
 */
export const saveWeek = (
  ctx: AuthedContext,
  who: string,
  weekStart: string,
  input: z.output<typeof timesheetWeekSaveInput>,
) =>
  kit.inTenant(ctx, async (tx) => {
    const userId = resolveMe(ctx, who) as string;
    assertActsFor(ctx, userId, 'timesheets.manage');
    await kit.assertReferences(tx, ctx, { userId });
    for (const [i, row] of input.rows.entries())
      await kit
        .assertReferences(tx, ctx, { projectId: row.projectId, taskId: row.taskId })
        .catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'NOT_FOUND')
            throw new AppError('NOT_FOUND', err.message, {
              details: [{ path: `body.rows.${i}`, message: 'Not found' }],
            });
          throw err;
        });
    const week = await lockWeek(tx, ctx, userId, weekStart);
    if (input.version !== undefined && input.version !== week.version)
      throw kit.conflict(weekDef.label, await weekOf(tx, ctx, userId, weekStart, week));
    assertOpen(week);
    const billable = await billableByDefault(
      tx,
      ctx.tenantId,
      input.rows.map((r) => r.projectId),
    );
    const base = and(
      eq(timeEntries.tenantId, ctx.tenantId),
      eq(timeEntries.userId, userId),
      eq(timeEntries.weekStart, weekStart),
    );
    const removed = await tx.delete(timeEntries).where(base).returning({ minutes: timeEntries.minutes });
    const values = input.rows.flatMap((row) =>
      row.hours.flatMap((h, i) =>
        h > 0
          ? [
              {
                tenantId: ctx.tenantId,
                createdBy: ctx.userId,
                userId,
                workDate: plusDays(weekStart, i),
                projectId: row.projectId,
                taskId: row.taskId ?? null,
                minutes: toMinutes(h) as number,
                billable: row.billable ?? billable(row.projectId),
                note: row.note ?? null,
              },
            ]
          : [],
      ),
    );
    if (values.length) await tx.insert(timeEntries).values(values).catch(timeRules);
    await touchWeek(tx, week.id);
    const minutes = (list: { minutes: number }[]) => list.reduce((s, e) => s + e.minutes, 0) / 60;
    await writeAudit(tx, ctx, {
      action: 'timesheet_week.saved',
      targetType: 'timesheet_week',
      targetId: week.id,
      changes: {
        hours: { from: minutes(removed), to: minutes(values) },
        entries: { from: removed.length, to: values.length },
      },
    });
    return weekOf(tx, ctx, userId, weekStart);
  });

/** Submits a week for approval (draft or rejected → submitted); its entries lock. */
export const submitWeek = (ctx: AuthedContext, who: string, weekStart: string, version: number | undefined) =>
  kit.inTenant(ctx, async (tx) => {
    const userId = resolveMe(ctx, who) as string;
    assertActsFor(ctx, userId, 'timesheets.manage');
    const week = await lockWeek(tx, ctx, userId, weekStart);
    if (version !== undefined && version !== week.version)
      throw kit.conflict(weekDef.label, await weekOf(tx, ctx, userId, weekStart, week));
    assertOpen(week);
    await kit.updateRecord<WeekRow>(tx, ctx, weekDef, {
      id: week.id,
      version: undefined,
      patch: { status: 'submitted', submittedAt: new Date(), reason: null, decidedBy: null, decidedAt: null },
      toDto: (r) => r,
      action: 'submitted',
    });
    return weekOf(tx, ctx, userId, weekStart);
  });

/** Approves or rejects a submitted week (never your own); approval locks its entries for good. */
export const decideWeek = (
  ctx: AuthedContext,
  who: string,
  weekStart: string,
  decision: { approve: boolean; version: number; reason?: string },
) =>
  kit.inTenant(ctx, async (tx) => {
    const userId = resolveMe(ctx, who) as string;
    if (userId === ctx.userId)
      throw new AppError('FORBIDDEN', 'You cannot approve or reject your own timesheet');
    const found = await findWeek(tx, ctx.tenantId, userId, weekStart);
    if (!found) throw notFound(weekDef.label);
    const week = await kit.findRecord<WeekRow>(tx, ctx, weekDef, found.id, true);
    if (week.version !== decision.version)
      throw kit.conflict(weekDef.label, await weekOf(tx, ctx, userId, weekStart, week));
    if (week.status !== 'submitted')
      throw new AppError('CONFLICT', `The week is ${week.status}, not submitted`);
    await kit.updateRecord<WeekRow>(tx, ctx, weekDef, {
      id: week.id,
      version: undefined,
      patch: {
        status: decision.approve ? 'approved' : 'rejected',
        decidedBy: ctx.userId,
        decidedAt: new Date(),
        reason: decision.approve ? null : (decision.reason ?? null),
      },
      toDto: (r) => r,
      action: decision.approve ? 'approved' : 'rejected',
    });
    return weekOf(tx, ctx, userId, weekStart);
  });

/** Weeks by state (the approvals queue: `status=submitted`), oldest first; your own unless you manage or approve. */
export const listWeeks = (ctx: AuthedContext, query: z.output<typeof timesheetListQuery>) =>
  kit.inTenant(ctx, async (tx) => {
    const userId = resolveMe(ctx, query.userId);
    const { rows, pagination } = await kit.runList<WeekRow>(
      tx,
      {
        table: timesheetWeeks,
        id: timesheetWeeks.id,
        tenantId: timesheetWeeks.tenantId,
        where: [
          weekDef.restrict?.(ctx),
          query.status ? eq(timesheetWeeks.status, query.status) : undefined,
          userId ? eq(timesheetWeeks.userId, userId) : undefined,
        ],
        sorts: { weekStart: { expr: timesheetWeeks.weekStart, type: 'date' } },
      },
      ctx.tenantId,
      { limit: query.limit, cursor: query.cursor, sort: 'weekStart' },
      getTableColumns(timesheetWeeks),
    );
    const items = [];
    for (const r of rows) {
      const { entries: _entries, ...summary } = await weekOf(tx, ctx, r.userId, r.weekStart, r);
      items.push(summary);
    }
    return { items, pagination };
  });
