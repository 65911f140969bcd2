import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';

export const LEAD_STATUSES = ['new', 'in_progress', 'qualified', 'won', 'lost'] as const;
export const leadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatus>;
/** Allowed status moves (reopening a lost lead goes back to in_progress). */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['in_progress', 'qualified', 'lost'],
  in_progress: ['qualified', 'lost', 'new'],
  qualified: ['won', 'lost', 'in_progress'],
  won: [],
  lost: ['in_progress'],
};
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'note'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const RELATED_TYPES = ['lead', 'contact', 'company', 'deal'] as const;
export const relatedType = z.enum(RELATED_TYPES);
export type RelatedType = z.infer<typeof relatedType>;

export const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD');
/** Money in minor units (cents), never negative, below 10^15. */
export const cents = z.number().int().min(0).max(999_999_999_999_999);
export const tag = z.string().trim().min(1).max(50);
export const tags = z.array(tag).max(50);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const phone = z.string().trim().max(50).nullable().optional();
export const optionalEmail = z
  .email({ message: 'Enter a valid e-mail address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase())
  .nullable()
  .optional();
export const dateOnly = z.iso.date();

/** Fields every CRM record has. */
export const recordBase = {
  id: uuid,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: uuid.nullable(),
  version,
  archivedAt: isoDateTime.nullable(),
};

/** List query parameters shared by all CRM lists. `sort` is a whitelisted field, `-` for descending. */
export const listParams = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
};
export const csvList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));
export const sortParam = <const S extends readonly [string, ...string[]]>(
  fields: S,
  fallback: `-${S[number]}` | S[number],
) => z.enum([...fields, ...fields.map((f) => `-${f}`)] as [string, ...string[]]).default(fallback);

export const archiveInput = z.strictObject({ version });
export const bulkIds = z.array(uuid).min(1).max(500);
export const bulkResult = z.object({
  results: z.array(
    z.object({
      id: uuid,
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResult>;
