import { z } from 'zod';
import { version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { optionalEmail } from './common.ts';

export const leadVendorSchema = z.object({
  ...recordBase,
  name: z.string(),
  contactEmail: z.string().nullable(),
  costPerLeadCents: z.number().int().nullable().optional(),
  currency: z.string(),
});
export type LeadVendor = z.infer<typeof leadVendorSchema>;
const vendorFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  contactEmail: optionalEmail,
  costPerLeadCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
};
export const leadVendorCreateInput = z.strictObject(vendorFields);
export const leadVendorUpdateInput = z.strictObject({ ...z.object(vendorFields).partial().shape, version });
export const leadVendorListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name'], 'name'),
});
