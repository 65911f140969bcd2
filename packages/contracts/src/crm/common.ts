import { z } from 'zod';

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
export const RELATED_TYPES = ['lead', 'contact', 'company', 'deal', 'project'] as const;
export const relatedType = z.enum(RELATED_TYPES);
export type RelatedType = z.infer<typeof relatedType>;

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
