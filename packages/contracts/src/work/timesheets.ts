import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { APPROVAL_STATUSES, note, quarterHours, workDate } from './common.ts';

export const timeEntrySchema = z.object({
  ...recordBase,
  userId: uuid,
  date: z.string(),
  weekStart: z.string(),
  projectId: uuid,
  taskId: uuid.nullable(),
  hours: z.number(),
  billable: z.boolean(),
  note: z.string().nullable(),
  invoicedAt: isoDateTime.nullable(),
  invoiceRef: z.string().nullable(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;
const entryFields = {
  date: workDate,
  projectId: uuid,
  taskId: uuid.nullable().optional(),
  hours: quarterHours,
  billable: z.boolean().optional(),
  note,
};
/** `userId` books on someone else's sheet: only with timesheets.manage. */
export const timeEntryCreateInput = z.strictObject({ userId: uuid.optional(), ...entryFields });
export const timeEntryUpdateInput = z.strictObject({ ...z.object(entryFields).partial().shape, version });
export const workPersonFilter = z.union([uuid, z.literal('me')]);
export const timeEntryListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['date'], '-date'),
  userId: workPersonFilter.optional(),
  projectId: uuid.optional(),
  from: workDate.optional(),
  to: workDate.optional(),
});

/** A member's week (Monday first): its approval state and entries. */
export const timesheetWeekSchema = z.object({
  /** null (and version 0) for a week nothing was booked or submitted in yet. */
  id: uuid.nullable(),
  userId: uuid,
  weekStart: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  version: z.number().int(),
  submittedAt: isoDateTime.nullable(),
  decidedBy: uuid.nullable(),
  decidedAt: isoDateTime.nullable(),
  reason: z.string().nullable(),
  entries: z.array(timeEntrySchema),
  totals: z.object({
    /** Hours per day, Monday first (7 numbers). */
    days: z.array(z.number()).length(7),
    hours: z.number(),
    billableHours: z.number(),
  }),
});
export type TimesheetWeek = z.infer<typeof timesheetWeekSchema>;
export const timesheetWeekParams = z.strictObject({
  userId: workPersonFilter,
  weekStart: workDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'A Monday'),
});
/** Saving the weekly grid: one row per project (and task), hours per day Monday first; replaces the week's entries. */
export const timesheetRow = z.strictObject({
  projectId: uuid,
  taskId: uuid.nullable().optional(),
  billable: z.boolean().optional(),
  note,
  hours: z.array(z.union([z.literal(0), quarterHours])).length(7),
});
export const timesheetWeekSaveInput = z.strictObject({
  version: version.optional(),
  rows: z.array(timesheetRow).max(60),
});
export const timesheetListQuery = z.strictObject({
  limit: listParams.limit,
  cursor: listParams.cursor,
  status: z.enum(APPROVAL_STATUSES).optional(),
  userId: workPersonFilter.optional(),
});
export const timesheetWeekSummarySchema = timesheetWeekSchema.omit({ entries: true });
export type TimesheetWeekSummary = z.infer<typeof timesheetWeekSummarySchema>;

/** Approved billable time of a project not yet invoiced, with the rate each hour bills at. */
export const billableLineSchema = z.object({
  entryId: uuid,
  userId: uuid,
  date: z.string(),
  taskId: uuid.nullable(),
  hours: z.number(),
  /** Money: absent without fields.money.view. */
  rateCents: z.number().int().optional(),
  amountCents: z.number().int().optional(),
  note: z.string().nullable(),
});
export const billableTimeSchema = z.object({
  projectId: uuid,
  companyId: uuid.nullable(),
  currency: z.string(),
  lines: z.array(billableLineSchema),
  hours: z.number(),
  amountCents: z.number().int().optional(),
});
export type BillableTime = z.infer<typeof billableTimeSchema>;
export const markInvoicedInput = z.strictObject({
  entryIds: z.array(uuid).min(1).max(1000),
  invoiceRef: z.string().trim().min(1).max(100),
});
export const markInvoicedResult = z.object({ invoiced: z.number().int(), invoiceRef: z.string() });
