import { z } from 'zod';
import { isoDateTime, personName, uuid, version } from '../primitives.ts';
import { bulkIds, cents, csvList, currency, listParams, recordBase, sortParam } from '../records.ts';
import { ownedBulkActions } from './bulk.ts';
import { leadStatus, optionalEmail, optionalText, phone, tag, tags } from './common.ts';
import { companySchema } from './companies.ts';
import { contactSchema } from './contacts.ts';
import { dealSchema } from './deals.ts';

export const leadSchema = z.object({
  ...recordBase,
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyName: z.string().nullable(),
  source: z.string().nullable(),
  vendorId: uuid.nullable(),
  status: leadStatus,
  statusReason: z.string().nullable(),
  ownerId: uuid.nullable(),
  /** Null when nobody scored the lead (not the same as a score of 0). */
  score: z.number().int().nullable(),
  estimatedValueCents: z.number().int().nullable().optional(),
  currency: z.string(),
  tags: z.array(z.string()),
  convertedAt: isoDateTime.nullable(),
  convertedContactId: uuid.nullable(),
  convertedCompanyId: uuid.nullable(),
  convertedDealId: uuid.nullable(),
});
export type Lead = z.infer<typeof leadSchema>;

const leadFields = {
  firstName: personName,
  lastName: personName,
  email: optionalEmail,
  phone,
  companyName: optionalText(200),
  source: optionalText(100),
  vendorId: uuid.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  score: z.number().int().min(0).max(100).nullable().optional(),
  estimatedValueCents: cents.nullable().optional(),
  currency: currency.optional(),
  tags: tags.optional(),
};
export const leadCreateInput = z.strictObject(leadFields);
export type LeadCreateInput = z.input<typeof leadCreateInput>;
/** Status and owner change through their own actions (transitions, assignment audit). */
export const leadUpdateInput = z.strictObject({
  ...z.object(leadFields).omit({ ownerId: true }).partial().shape,
  version,
});
export type LeadUpdateInput = z.input<typeof leadUpdateInput>;

export const LEAD_SORTS = ['createdAt', 'updatedAt', 'lastName', 'score', 'estimatedValueCents'] as const;
export const leadListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(LEAD_SORTS, '-createdAt'),
  status: csvList(leadStatus).optional(),
  ownerId: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
  source: z.string().trim().max(100).optional(),
  vendorId: uuid.optional(),
  tag: csvList(tag).optional(),
  scoreMin: z.coerce.number().int().min(0).max(100).optional(),
  scoreMax: z.coerce.number().int().min(0).max(100).optional(),
  valueMin: z.coerce.number().int().min(0).optional(),
  valueMax: z.coerce.number().int().min(0).optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
});
export type LeadListQuery = z.input<typeof leadListQuery>;

export const leadStatusInput = z.strictObject({
  status: leadStatus,
  reason: z.string().trim().max(500).optional(),
  version: version.optional(),
});
export const leadAssignInput = z.strictObject({ ownerId: uuid.nullable(), version: version.optional() });
export const leadConvertInput = z.strictObject({
  createDeal: z.boolean().default(true),
  dealTitle: z.string().trim().min(1).max(200).optional(),
  pipelineId: uuid.optional(),
  amountCents: cents.optional(),
  version: version.optional(),
});
export const leadConvertResult = z.object({
  lead: leadSchema,
  contact: contactSchema,
  company: companySchema.nullable(),
  deal: dealSchema.nullable(),
});
export type LeadConvertResult = z.infer<typeof leadConvertResult>;

export const leadBulkInput = z.discriminatedUnion('action', [
  ...ownedBulkActions,
  z.strictObject({
    action: z.literal('status'),
    ids: bulkIds,
    status: leadStatus,
    reason: z.string().trim().max(500).optional(),
  }),
]);
export type LeadBulkInput = z.input<typeof leadBulkInput>;

export const duplicateGroupSchema = z.object({
  reason: z.enum(['email', 'phone', 'name']),
  value: z.string(),
  leads: z.array(leadSchema),
});
export const leadMergeInput = z.strictObject({
  primaryId: uuid,
  duplicateIds: z.array(uuid).min(1).max(20),
});
