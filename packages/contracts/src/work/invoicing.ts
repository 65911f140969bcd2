import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { workDate } from './common.ts';
import { milestoneSchema } from './projects.ts';

// Billable work (approved billable time and expenses) → a draft invoice for the project's client
// (POST projects/:id/invoice-time; GET previews it).

/** One invoice line per member and task (at each rate), or one per hourly rate. */
export const INVOICE_TIME_GROUPINGS = ['member_task', 'rate'] as const;
export type InvoiceTimeGrouping = (typeof INVOICE_TIME_GROUPINGS)[number];

const invoiceTimeFields = {
  /** Only time worked on or after this day. */
  from: workDate.optional(),
  /** Only time worked on or before this day. */
  to: workDate.optional(),
  groupBy: z.enum(INVOICE_TIME_GROUPINGS).optional(),
  /** The approved billable expenses go on the invoice too (`include`, the default) or are left for later. */
  expenses: z.enum(['include', 'exclude']).optional(),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodOrder = { message: 'The period cannot end before it starts', path: ['to'] };

export const invoiceTimeInput = z.strictObject(invoiceTimeFields).refine(periodInOrder, periodOrder);
export type InvoiceTimeInput = z.input<typeof invoiceTimeInput>;
export const invoiceTimeQuery = invoiceTimeInput;

export const invoiceTimeLineSchema = z.object({
  description: z.string(),
  /** The member (member_task grouping), else null. */
  userId: uuid.nullable(),
  taskId: uuid.nullable(),
  hours: z.number(),
  entries: z.number().int(),
  /** Money: absent without fields.money.view. */
  rateCents: z.number().int().optional(),
  amountCents: z.number().int().optional(),
});
export type InvoiceTimeLine = z.infer<typeof invoiceTimeLineSchema>;

/** One line per approved billable expense: its amount before tax at the tenant's tax rate that gives its tax. */
export const invoiceExpenseLineSchema = z.object({
  expenseId: uuid,
  userId: uuid,
  date: z.string(),
  category: z.string(),
  description: z.string(),
  currency: z.string(),
  /** The recorded amount less its tax (the line's price). Money: absent without fields.money.view. */
  amountCents: z.number().int().optional(),
  /** The recorded tax. Money: absent without fields.money.view. */
  taxCents: z.number().int().optional(),
  /** The tax rate the line gets (0 when no tax was recorded); null: none of the tenant's rates gives that tax. */
  taxRateBp: z.number().int().nullable(),
});
export type InvoiceExpenseLine = z.infer<typeof invoiceExpenseLineSchema>;

/** What an invoice of the project's billable time and expenses holds (the preview), and after POST the draft made. */
export const invoiceTimePreviewSchema = z.object({
  projectId: uuid,
  companyId: uuid.nullable(),
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.enum(INVOICE_TIME_GROUPINGS),
  lines: z.array(invoiceTimeLineSchema),
  hours: z.number(),
  entries: z.number().int(),
  expenseLines: z.array(invoiceExpenseLineSchema),
  expenses: z.number().int(),
  /** Time and expenses before tax. Money: absent without fields.money.view. */
  amountCents: z.number().int().optional(),
  /** Why invoicing would be refused now (an expense in another currency, a tax no rate gives); empty: it can go. */
  blockers: z.array(z.string()),
});
export type InvoiceTimePreview = z.infer<typeof invoiceTimePreviewSchema>;
export const invoiceTimeResult = invoiceTimePreviewSchema.extend({ invoiceId: uuid });
export type InvoiceTimeResult = z.infer<typeof invoiceTimeResult>;

/** `POST /projects/:id/milestones/:milestoneId/invoice`: the billed milestone and the draft invoice made for it. */
export const milestoneInvoiceParams = z.strictObject({ id: uuid, milestoneId: uuid });
export const milestoneInvoiceResult = z.object({ milestone: milestoneSchema, invoiceId: uuid });
export type MilestoneInvoiceResult = z.infer<typeof milestoneInvoiceResult>;
