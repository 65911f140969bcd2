import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { cents, currency, listParams, recordBase, sortParam } from '../records.ts';
import { APPROVAL_STATUSES, note, shortText, workDate } from './common.ts';

/**
 * Amounts are `expense…Cents`, outside the money field group: the member who spent it and whoever approves
 * it see and write them without fields.money.view.
 */
export const expenseSchema = z.object({
  ...recordBase,
  userId: uuid,
  date: z.string(),
  projectId: uuid,
  category: z.string(),
  expenseAmountCents: z.number().int(),
  expenseTaxCents: z.number().int(),
  currency: z.string(),
  billable: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(APPROVAL_STATUSES),
  reason: z.string().nullable(),
  decidedBy: uuid.nullable(),
  decidedAt: isoDateTime.nullable(),
  reimbursedAt: isoDateTime.nullable(),
  /** Billed to the project's client (POST projects/:id/invoice-time): the draft invoice's id; once. */
  invoicedAt: isoDateTime.nullable(),
  invoiceRef: z.string().nullable(),
});
export type Expense = z.infer<typeof expenseSchema>;
const expenseFields = {
  date: workDate,
  projectId: uuid,
  category: shortText,
  expenseAmountCents: cents.refine((v) => v > 0, 'More than 0'),
  expenseTaxCents: cents.optional(),
  currency: currency.optional(),
  billable: z.boolean().optional(),
  note,
};
/** `userId` records an expense for someone else: only with expenses.manage. */
export const expenseCreateInput = z.strictObject({ userId: uuid.optional(), ...expenseFields });
export const expenseUpdateInput = z.strictObject({ ...z.object(expenseFields).partial().shape, version });
export const expenseListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['date', 'createdAt'], '-date'),
  status: z.enum(APPROVAL_STATUSES).optional(),
  userId: z.union([uuid, z.literal('me')]).optional(),
  projectId: uuid.optional(),
});
