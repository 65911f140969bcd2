import { z } from 'zod';
import { version } from '../primitives.ts';
import { currency } from '../records.ts';
import { addressInput, roundingMode } from './documents.ts';

/** A number pattern: literal text plus `{YYYY}`, `{YY}`, `{MM}` and one `{SEQ}` or `{SEQ:n}` (n zero-padded digits). */
export const numberPattern = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine(
    (p) => (p.match(/\{SEQ(?::\d)?\}/g) ?? []).length === 1,
    'Needs exactly one {SEQ} or {SEQ:n} (n 1–9)',
  )
  .refine(
    (p) => p.replace(/\{(YYYY|YY|MM|SEQ(:\d)?)\}/g, '').match(/^[A-Za-z0-9 ._\-/#]*$/) !== null,
    'Only letters, digits, space . _ - / # and {YYYY} {YY} {MM} {SEQ:n}',
  );

const bankInput = z.strictObject({
  accountName: z.string().trim().max(200).optional(),
  iban: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[0-9A-Z ]{10,40}$/, 'An IBAN')
    .optional(),
  bic: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'A BIC')
    .optional(),
  bankName: z.string().trim().max(200).optional(),
});
const text = (max: number) => z.string().trim().max(max).nullable();

export const salesSettingsSchema = z.object({
  invoicePattern: z.string(),
  quotePattern: z.string(),
  creditNotePattern: z.string(),
  deliveryNotePattern: z.string(),
  rounding: roundingMode,
  currency: z.string(),
  locale: z.string(),
  sellerName: z.string().nullable(),
  sellerAddress: addressInput,
  sellerTaxId: z.string().nullable(),
  sellerRegistrationId: z.string().nullable(),
  sellerEmail: z.string().nullable(),
  bank: bankInput,
  paymentTermsDays: z.number().int(),
  footer: z.string().nullable(),
  reminderDays: z.array(z.number().int()),
  version: z.number().int(),
});
export type SalesSettings = z.infer<typeof salesSettingsSchema>;

export const salesSettingsUpdateInput = z.strictObject({
  invoicePattern: numberPattern.optional(),
  quotePattern: numberPattern.optional(),
  creditNotePattern: numberPattern.optional(),
  deliveryNotePattern: numberPattern.optional(),
  rounding: roundingMode.optional(),
  currency: currency.optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'A locale such as de-DE')
    .optional(),
  sellerName: text(200).optional(),
  sellerAddress: addressInput.optional(),
  sellerTaxId: text(50).optional(),
  sellerRegistrationId: text(50).optional(),
  sellerEmail: z.email().max(254).nullable().optional(),
  bank: bankInput.optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  footer: text(2000).optional(),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(10).optional(),
  version,
});
