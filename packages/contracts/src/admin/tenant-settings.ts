import { z } from 'zod';
import { isoDateTime, version } from '../primitives.ts';

/** The logo as a data URL (PNG, JPEG, WebP or GIF; no SVG: it can carry script). ≈100 KB of image at most. */
export const LOGO_MAX_CHARS = 140_000;
export const LOGO_PATTERN = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;
export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;

const validTimeZone = (v: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
};
const validLocale = (v: string) => {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
};
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Three capital letters (ISO 4217), e.g. EUR')
  .refine((v) => knownCurrencies.has(v), 'Unknown currency');
export const timeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine(validTimeZone, 'Unknown time zone (use an IANA name such as Europe/Berlin)');
export const localeTag = z
  .string()
  .min(2)
  .max(35)
  .refine(validLocale, 'Not a language tag (e.g. en-US, de-DE)');
const color = z.string().trim().toLowerCase().regex(COLOR_PATTERN, 'A colour like #1f6feb');
const logo = z
  .string()
  .max(LOGO_MAX_CHARS, 'The logo is too large (at most about 100 KB)')
  .regex(LOGO_PATTERN, 'A PNG, JPEG, WebP or GIF image as a base64 data URL');

export const tenantSettingsSchema = z.object({
  companyName: z.string().nullable().describe('Legal name on documents; null: the company account name'),
  logo: z.string().nullable().describe('data:image/…;base64,… (≤ ~100 KB)'),
  primaryColor: z.string().nullable(),
  accentColor: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
  locale: z.string(),
  taxRateBasisPoints: z.number().int().describe('Default tax rate, 1/100 of a percent (1900 = 19 %)'),
  pricesIncludeTax: z.boolean(),
  taxId: z.string().nullable().describe('VAT / tax number printed on documents'),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  updatedAt: isoDateTime,
  version,
});
export type TenantSettingsDto = z.infer<typeof tenantSettingsSchema>;

export const tenantSettingsUpdateInput = z.strictObject({
  companyName: z.string().trim().min(1).max(200).nullable().optional(),
  logo: logo.nullable().optional(),
  primaryColor: color.nullable().optional(),
  accentColor: color.nullable().optional(),
  currency: currencyCode.optional(),
  timezone: timeZoneName.optional(),
  locale: localeTag.optional(),
  taxRateBasisPoints: z.number().int().min(0).max(10_000).optional(),
  pricesIncludeTax: z.boolean().optional(),
  taxId: z.string().trim().min(1).max(50).nullable().optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  version,
});
export type TenantSettingsUpdateInput = z.input<typeof tenantSettingsUpdateInput>;
