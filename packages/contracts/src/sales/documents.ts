import { z } from 'zod';
import { dateOnly, optionalText } from '../crm/common.ts';
import { uuid, version } from '../primitives.ts';
import { cents, currency, listParams, recordBase, sortParam } from '../records.ts';
import { parseQuantity } from './calculation.ts';

// Quotes, invoices and credit notes share one document shape (`kind` tells them apart).

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired', 'invoiced'] as const;
export const INVOICE_STATUSES = [
  'draft',
  'issued',
  'sent',
  'partially_paid',
  'paid',
  'overdue',
  'void',
] as const;
export const CREDIT_NOTE_STATUSES = ['draft', 'issued', 'void'] as const;
export const DOCUMENT_KINDS = ['quote', 'invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const roundingMode = z.enum(['line', 'document']);

export const discountInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), valueBp: z.number().int().min(0).max(10_000) }),
  z.strictObject({ kind: z.literal('amount'), valueMinor: cents }),
]);
export type DiscountInput = z.infer<typeof discountInput>;

/** A quantity with up to three decimals ('2.5' or 2.5), stored in thousandths; more than zero. */
export const quantityInput = z.union([z.number(), z.string().max(20)]).transform((v, ctx) => {
  const milli = parseQuantity(typeof v === 'number' ? String(v) : v);
  if (milli === null || milli <= 0 || milli > 999_999_999) {
    ctx.addIssue({ code: 'custom', message: 'A quantity above 0 with at most 3 decimals' });
    return z.NEVER;
  }
  return milli;
});

export const addressInput = z.strictObject({
  line1: z.string().trim().max(200).optional(),
  line2: z.string().trim().max(200).optional(),
  postalCode: z.string().trim().max(20).optional(),
  city: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2, e.g. DE')
    .optional(),
});
export type AddressInput = z.infer<typeof addressInput>;

export const documentLineInput = z.strictObject({
  productId: uuid.nullable().optional(),
  description: z.string().trim().min(1, 'Required').max(2000).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  quantity: quantityInput,
  /** Defaults to the product's price. */
  unitPriceCents: cents.optional(),
  discount: discountInput.nullable().optional(),
  /** Defaults to the product's tax rate, then the tenant's default rate, else 0 %. */
  taxRateId: uuid.nullable().optional(),
});
export type DocumentLineInput = z.input<typeof documentLineInput>;

export const customerInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  address: addressInput.optional(),
  taxId: z.string().trim().max(50).optional(),
  email: z.email().max(254).optional(),
});

const documentFields = {
  companyId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  dealId: uuid.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  /** Defaults to today. */
  issueDate: dateOnly.optional(),
  /** Invoices: payment due date (default: issue date + payment terms). Quotes: valid until. */
  dueDate: dateOnly.nullable().optional(),
  currency: currency.optional(),
  discount: discountInput.nullable().optional(),
  notes: optionalText(4000),
  buyerReference: optionalText(200),
  /** What the document prints for the customer; unset parts are taken from the company when issued. */
  customer: customerInput.optional(),
  lines: z.array(documentLineInput).max(200).optional(),
};
const datesInOrder = (v: { issueDate?: string; dueDate?: string | null }) =>
  !v.issueDate || !v.dueDate || v.issueDate <= v.dueDate;
const dateOrder = { message: 'The due date cannot be before the issue date', path: ['dueDate'] };

export const documentCreateInput = z.strictObject(documentFields).refine(datesInOrder, dateOrder);
export const documentUpdateInput = z
  .strictObject({ ...documentFields, version })
  .refine(datesInOrder, dateOrder);

export const documentLineSchema = z.object({
  id: uuid,
  position: z.number().int(),
  productId: uuid.nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  unit: z.string().nullable(),
  quantity: z.string(),
  unitPriceCents: z.number().int().optional(),
  discount: discountInput.nullable(),
  taxRateId: uuid.nullable(),
  taxRateBp: z.number().int(),
  taxInclusive: z.boolean(),
  discountCents: z.number().int().optional(),
  netCents: z.number().int().optional(),
  taxCents: z.number().int().optional(),
  totalCents: z.number().int().optional(),
});

export const documentSchema = z.object({
  ...recordBase,
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string().nullable(),
  status: z.string(),
  ownerId: uuid.nullable(),
  companyId: uuid.nullable(),
  contactId: uuid.nullable(),
  dealId: uuid.nullable(),
  sourceId: uuid.nullable(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  rounding: roundingMode,
  discount: discountInput.nullable(),
  notes: z.string().nullable(),
  buyerReference: z.string().nullable(),
  customer: z.object({
    name: z.string().nullable(),
    address: addressInput.nullable(),
    taxId: z.string().nullable(),
    email: z.string().nullable(),
  }),
  subtotalCents: z.number().int().optional(),
  discountCents: z.number().int().optional(),
  netCents: z.number().int().optional(),
  taxCents: z.number().int().optional(),
  totalCents: z.number().int().optional(),
  paidCents: z.number().int().optional(),
  creditedCents: z.number().int().optional(),
  balanceCents: z.number().int().optional(),
  taxBreakdown: z
    .array(
      z.object({ taxRateBp: z.number().int(), taxableMinor: z.number().int(), taxMinor: z.number().int() }),
    )
    .optional(),
  issuedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  lines: z.array(documentLineSchema).optional(),
});
export type SalesDocument = z.infer<typeof documentSchema>;
export type SalesDocumentLine = z.infer<typeof documentLineSchema>;

const inList = <const S extends readonly [string, ...string[]]>(values: S) =>
  z
    .union([z.array(z.enum(values)), z.enum(values)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(values)).max(10));

const listFilters = {
  ...listParams,
  sort: sortParam(['issueDate', 'number', 'totalCents', 'dueDate', 'createdAt'], '-createdAt'),
  companyId: uuid.optional(),
  /** The documents of one deal (the deal page's quotes and invoices). */
  dealId: uuid.optional(),
  ownerId: uuid.optional(),
  issuedFrom: dateOnly.optional(),
  issuedTo: dateOnly.optional(),
  minTotalCents: z.coerce.number().int().min(0).max(999_999_999_999_999).optional(),
  maxTotalCents: z.coerce.number().int().min(0).max(999_999_999_999_999).optional(),
};
export const invoiceListQuery = z.strictObject({
  ...listFilters,
  status: inList(INVOICE_STATUSES).optional(),
});
export const quoteListQuery = z.strictObject({ ...listFilters, status: inList(QUOTE_STATUSES).optional() });
export const creditNoteListQuery = z.strictObject({
  ...listFilters,
  status: inList(CREDIT_NOTE_STATUSES).optional(),
});
export type DocumentListQuery = z.output<typeof invoiceListQuery>;

/** Issue, void and other status actions: the version the caller saw (optional). */
export const documentActionInput = z.strictObject({ version: version.optional() }).nullish();

const recipient = z.email().max(254);
/** `POST /invoices/:id/send` and `/quotes/:id/send`: the e-mail (one message per recipient). */
export const documentSendInput = z.strictObject({
  to: z.union([recipient, z.array(recipient).min(1).max(10)]),
  cc: z.array(recipient).max(10).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  message: z.string().trim().max(5000).optional(),
});
