import { z } from 'zod';
import { dateOnly, optionalText } from '../crm/common.ts';
import { uuid, version } from '../primitives.ts';
import { currency, listParams, recordBase, sortParam } from '../records.ts';
import { customerInput, discountInput, documentLineInput } from './documents.ts';
import { RECURRENCE_UNITS } from './recurrence.ts';

// Recurring invoice templates: a customer, lines like a document, and a schedule. The `sales.recurring` job
// turns each due period into one invoice.

export const RECURRING_STATUSES = ['active', 'paused', 'ended'] as const;
export type RecurringStatus = (typeof RECURRING_STATUSES)[number];

const templateFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  companyId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  currency: currency.optional(),
  discount: discountInput.nullable().optional(),
  notes: optionalText(4000),
  buyerReference: optionalText(200),
  customer: customerInput.optional(),
  lines: z.array(documentLineInput).min(1, 'At least one line').max(200),
  unit: z.enum(RECURRENCE_UNITS),
  every: z.number().int().min(1).max(365),
  startDate: dateOnly,
  /** The last day a period may start on (inclusive). */
  endDate: dateOnly.nullable().optional(),
  /** How many invoices in all. */
  maxCount: z.number().int().min(1).max(1000).nullable().optional(),
  /** Days from the issue date to the due date; default: the tenant's payment terms. */
  dueDays: z.number().int().min(0).max(365).nullable().optional(),
  /** Issue each invoice (numbered) when it is made; else it stays a draft. */
  autoIssue: z.boolean().optional(),
  /** Also send it (needs autoIssue) to `sendTo`, else the customer's e-mail. */
  autoSend: z.boolean().optional(),
  sendTo: z.email().max(254).nullable().optional(),
};
type Checked = {
  startDate?: string;
  endDate?: string | null;
  autoIssue?: boolean;
  autoSend?: boolean;
};
const endAfterStart = (v: Checked) => !v.startDate || !v.endDate || v.startDate <= v.endDate;
const sendNeedsIssue = (v: Checked) => !v.autoSend || v.autoIssue !== false;

export const recurringInvoiceCreateInput = z
  .strictObject(templateFields)
  .refine(endAfterStart, { message: 'The end date cannot be before the start date', path: ['endDate'] })
  .refine(sendNeedsIssue, { message: 'Sending needs issuing', path: ['autoIssue'] });

const { lines, name, unit, every, startDate, ...optional } = templateFields;
export const recurringInvoiceUpdateInput = z
  .strictObject({
    ...optional,
    name: name.optional(),
    lines: lines.optional(),
    unit: unit.optional(),
    every: every.optional(),
    startDate: startDate.optional(),
    version,
  })
  .refine(endAfterStart, { message: 'The end date cannot be before the start date', path: ['endDate'] });

export const recurringLineSchema = z.object({
  productId: uuid.nullable().optional(),
  description: z.string().optional(),
  unit: z.string().optional(),
  quantity: z.string(),
  unitPriceCents: z.number().int().optional(),
  discount: discountInput.nullable().optional(),
  taxRateId: uuid.nullable().optional(),
});

export const recurringInvoiceSchema = z.object({
  ...recordBase,
  name: z.string(),
  status: z.enum(RECURRING_STATUSES),
  ownerId: uuid.nullable(),
  companyId: uuid.nullable(),
  contactId: uuid.nullable(),
  currency: z.string(),
  discount: discountInput.nullable(),
  notes: z.string().nullable(),
  buyerReference: z.string().nullable(),
  customer: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    taxId: z.string().nullable(),
  }),
  lines: z.array(recurringLineSchema),
  /** The total when the template was last saved (products may change price before the next invoice). */
  totalCents: z.number().int().optional(),
  unit: z.enum(RECURRENCE_UNITS),
  every: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  maxCount: z.number().int().nullable(),
  dueDays: z.number().int().nullable(),
  autoIssue: z.boolean(),
  autoSend: z.boolean(),
  sendTo: z.string().nullable(),
  generatedCount: z.number().int(),
  /** The date of the next period; null once ended. */
  nextDate: z.string().nullable(),
  lastRunAt: z.string().nullable(),
});
export type RecurringInvoice = z.infer<typeof recurringInvoiceSchema>;

export const recurringInvoiceListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'nextDate', 'createdAt'], '-createdAt'),
  status: z.enum(RECURRING_STATUSES).optional(),
  companyId: uuid.optional(),
});

/** What "run now" made: the template after it and the invoice of the period. */
export const recurringRunSchema = z.object({
  template: recurringInvoiceSchema,
  invoiceId: uuid,
  periodDate: z.string(),
});
/** The invoices a template made, newest first. */
export const recurringRunListSchema = z.array(
  z.object({
    periodIndex: z.number().int(),
    periodDate: z.string(),
    invoiceId: uuid.nullable(),
    createdAt: z.string(),
  }),
);
