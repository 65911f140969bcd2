import { z } from 'zod';
import { dateOnly, optionalText } from '../crm/common.ts';
import { uuid } from '../primitives.ts';
import { recordBase } from '../records.ts';
import { quantityInput } from './documents.ts';

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'cheque', 'direct_debit', 'other'] as const;

export const paymentSchema = z.object({
  ...recordBase,
  invoiceId: uuid,
  paidOn: z.string(),
  amountCents: z.number().int().optional(),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentCreateInput = z.strictObject({
  paidOn: dateOnly,
  amountCents: z.number().int().min(1).max(999_999_999_999_999),
  method: z.enum(PAYMENT_METHODS),
  reference: optionalText(200),
});

/** A credit note for the whole invoice (no `lines`) or for some of its lines and quantities. */
export const creditNoteCreateInput = z.strictObject({
  lines: z
    .array(z.strictObject({ lineId: uuid, quantity: quantityInput }))
    .min(1)
    .max(200)
    .optional(),
  issueDate: dateOnly.optional(),
  notes: optionalText(4000),
});
