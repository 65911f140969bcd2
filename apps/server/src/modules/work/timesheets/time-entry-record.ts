import type { TimeEntry, timeEntryCreateInput, timeEntryUpdateInput } from '@tessera/contracts';
import { and, eq, getTableColumns, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { projects } from '../projects/projects.tables.ts';
import { conflictOn, dbRules } from '../shared/db-rules.ts';
import { assertActsFor, ownRowsOnly, resolveMe, selfId, toMinutes } from '../shared/people.ts';
import type { WorkRecord } from '../shared/record-service.ts';
import { timeEntries } from './timesheets.tables.ts';

export type TimeEntryRow = typeof timeEntries.$inferSelect;

/** Who sees every member's sheet; everyone else sees their own. */
export const SHEET_READERS = ['timesheets.manage', 'timesheets.approve'] as const;

export const timeEntryDef: kit.RecordDef = {
  name: 'time_entry',
  label: 'Time entry',
  table: timeEntries,
  scope: 'projects',
  auditFields: [
    'userId',
    'workDate',
    'projectId',
    'taskId',
    'minutes',
    'billable',
    'note',
    'invoicedAt',
    'invoiceRef',
  ],
  restrict: (ctx) => ownRowsOnly(ctx, SHEET_READERS, timeEntries.userId),
};

export const toTimeEntry = (r: TimeEntryRow): TimeEntry => ({
  ...kit.baseDto(r),
  userId: r.userId,
  date: r.workDate,
  weekStart: r.weekStart,
  projectId: r.projectId,
  taskId: r.taskId,
  hours: r.minutes / 60,
  billable: r.billable,
  note: r.note,
  invoicedAt: kit.iso(r.invoicedAt),
  invoiceRef: r.invoiceRef,
});

/** Time on a non-billable project is not billable unless said otherwise; elsewhere it is. */
export const billableByDefault = async (tx: Tx, tenantId: string, projectIds: readonly string[]) => {
  const rows = projectIds.length
    ? await tx
        .select({ id: projects.id, mode: projects.billingMode })
        .from(projects)
        .where(and(eq(projects.tenantId, tenantId), inArray(projects.id, [...projectIds])))
    : [];
  const modes = new Map(rows.map((r) => [r.id, r.mode]));
  return (projectId: string) => modes.get(projectId) !== 'non_billable';
};

/** The database's time rules as API errors: 24 h a day, locked weeks, invoiced once. */
export const timeRules = dbRules({
  time_entry_days_at_most_24h: conflictOn('More than 24 hours booked on one day', 'body.hours'),
  time_entries_locked: conflictOn('The week is submitted or approved: its entries are locked'),
  time_entries_invoiced_once: conflictOn('Time already invoiced'),
  time_entries_invoice_approved: conflictOn('Only approved billable time can be invoiced'),
});

type Input = z.output<typeof timeEntryCreateInput> | Omit<z.output<typeof timeEntryUpdateInput>, 'version'>;

export const timeEntryRecord: WorkRecord<
  TimeEntryRow,
  TimeEntry,
  z.output<typeof timeEntryCreateInput>,
  z.output<typeof timeEntryUpdateInput>
> = {
  def: timeEntryDef,
  columns: getTableColumns(timeEntries),
  archivable: false,
  toDto: async (_tx, _ctx, rows) => rows.map(toTimeEntry),
  listSpec: (ctx, f) => ({
    table: timeEntries,
    id: timeEntries.id,
    tenantId: timeEntries.tenantId,
    archivedAt: timeEntries.archivedAt,
    where: [
      timeEntryDef.restrict?.(ctx),
      f.userId ? eq(timeEntries.userId, resolveMe(ctx, f.userId as string) as string) : undefined,
      f.projectId ? eq(timeEntries.projectId, f.projectId as string) : undefined,
      f.from ? gte(timeEntries.workDate, f.from as string) : undefined,
      f.to ? lte(timeEntries.workDate, f.to as string) : undefined,
    ],
    sorts: { date: { expr: timeEntries.workDate, type: 'date' } },
  }),
  values: async (tx, ctx, input: Input, before) => {
    const { hours, date, ...rest } = input;
    const userId = before?.userId ?? ('userId' in rest && rest.userId ? rest.userId : selfId(ctx));
    assertActsFor(ctx, userId, 'timesheets.manage');
    await kit.assertReferences(tx, ctx, { userId, projectId: rest.projectId, taskId: rest.taskId });
    const billable =
      rest.billable ??
      (before || !rest.projectId
        ? undefined
        : (await billableByDefault(tx, ctx.tenantId, [rest.projectId]))(rest.projectId));
    return { ...rest, userId, workDate: date, minutes: toMinutes(hours), billable };
  },
  assertChangeable: (ctx: AuthedContext, row) => assertActsFor(ctx, row.userId, 'timesheets.manage'),
  rules: timeRules,
};
