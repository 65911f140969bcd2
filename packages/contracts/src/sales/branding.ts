import { z } from 'zod';
import { version } from '../primitives.ts';

/** Logo limits: PNG or JPEG, at most 512 KiB (the database holds the same rule). */
export const LOGO_MAX_BYTES = 524_288;
export const logoContentTypes = ['image/png', 'image/jpeg'] as const;

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour such as #1f3a5f')
  .transform((v) => v.toLowerCase());

/** The tenant's document branding (logo and colours; the seller's address, bank and footer are sales settings). */
export const salesBrandingSchema = z.object({
  primaryColor: z.string().nullable(),
  accentColor: z.string().nullable(),
  logo: z.object({ contentType: z.enum(logoContentTypes), size: z.number().int() }).nullable(),
  version: z.number().int(),
});
export type SalesBranding = z.infer<typeof salesBrandingSchema>;

export const salesBrandingUpdateInput = z.strictObject({
  primaryColor: hexColor.nullable().optional(),
  accentColor: hexColor.nullable().optional(),
  /** A new logo as base64 (PNG or JPEG, checked by its bytes), or null to remove it. */
  logo: z
    .strictObject({
      contentType: z.enum(logoContentTypes),
      data: z.base64().max(Math.ceil(LOGO_MAX_BYTES / 3) * 4),
    })
    .nullable()
    .optional(),
  version,
});
export type SalesBrandingUpdate = z.infer<typeof salesBrandingUpdateInput>;
