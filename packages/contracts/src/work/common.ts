import { z } from 'zod';

/** Shared field rules of the work module (projects, timesheets, expenses). */
export const PROJECT_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export const BILLING_MODES = ['fixed_price', 'time_and_materials', 'non_billable'] as const;
export const MILESTONE_STATUSES = ['open', 'reached', 'billed'] as const;
export const APPROVAL_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const workDate = z.iso.date();
/** Hours in quarter-hour steps, more than 0 and at most 24 (a day). */
export const quarterHours = z.number().multipleOf(0.25, 'Quarter-hour steps').min(0.25).max(24);
/** Money per hour in minor units. */
export const rateCents = z.number().int().min(0).max(100_000_000);
export const shortText = z.string().trim().min(1, 'Required').max(200);
export const note = z.string().max(2000).nullable().optional();
export const rejectReason = z.strictObject({
  reason: z.string().trim().min(1, 'Required').max(1000),
  version: z.number().int().min(1),
});
export const decisionInput = z.strictObject({ version: z.number().int().min(1) });
