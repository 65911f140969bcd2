import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { fieldText, jobKind, jobPriority, jobStatus, latitude, longitude, skill, skills } from './common.ts';

export const checklistItem = z.object({ label: z.string(), done: z.boolean() });
export const jobSchema = z.object({
  ...recordBase,
  kind: jobKind,
  title: z.string(),
  type: z.string().nullable(),
  priority: jobPriority,
  status: jobStatus,
  description: z.string().nullable(),
  companyId: uuid.nullable(),
  contactId: uuid.nullable(),
  dealId: uuid.nullable(),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  siteAddress: z.string().nullable(),
  siteLat: z.number().nullable(),
  siteLng: z.number().nullable(),
  scheduledStart: isoDateTime.nullable(),
  scheduledEnd: isoDateTime.nullable(),
  estimatedMinutes: z.number().int().nullable(),
  requiredSkills: z.array(z.string()),
  crewId: uuid.nullable(),
  ownerId: uuid.nullable(),
  checklist: z.array(checklistItem),
  completionNotes: z.string().nullable(),
  signatureName: z.string().nullable(),
  completedAt: isoDateTime.nullable(),
  statusChangedAt: isoDateTime,
  pickupAddress: z.string().nullable(),
  pickupFrom: isoDateTime.nullable(),
  pickupTo: isoDateTime.nullable(),
  deliveryAddress: z.string().nullable(),
  deliveryFrom: isoDateTime.nullable(),
  deliveryTo: isoDateTime.nullable(),
  weightKg: z.number().nullable(),
  volumeM3: z.number().nullable(),
  reference: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

const nullableTime = isoDateTime.nullable().optional();
const jobFields = {
  kind: jobKind.optional(),
  title: z.string().trim().min(1, 'Required').max(200),
  type: fieldText(80),
  priority: jobPriority.optional(),
  description: fieldText(5000),
  companyId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  dealId: uuid.nullable().optional(),
  customerName: fieldText(200),
  customerPhone: fieldText(50),
  customerEmail: z.email().max(254).nullable().optional(),
  siteAddress: fieldText(500),
  siteLat: latitude.nullable().optional(),
  siteLng: longitude.nullable().optional(),
  scheduledStart: nullableTime,
  scheduledEnd: nullableTime,
  estimatedMinutes: z
    .number()
    .int()
    .min(1)
    .max(14 * 24 * 60)
    .nullable()
    .optional(),
  requiredSkills: skills.optional(),
  checklist: z
    .array(z.strictObject({ label: z.string().trim().min(1).max(200), done: z.boolean().optional() }))
    .max(50)
    .optional(),
  pickupAddress: fieldText(500),
  pickupFrom: nullableTime,
  pickupTo: nullableTime,
  deliveryAddress: fieldText(500),
  deliveryFrom: nullableTime,
  deliveryTo: nullableTime,
  weightKg: z.number().min(0).max(1_000_000).nullable().optional(),
  volumeM3: z.number().min(0).max(100_000).nullable().optional(),
  reference: fieldText(100),
  ownerId: uuid.nullable().optional(),
};
/** A new job; `crewId` assigns it at once (needs `jobs.dispatch`). */
export const jobCreateInput = z.strictObject({ ...jobFields, crewId: uuid.nullable().optional() });
export type JobCreateInput = z.input<typeof jobCreateInput>;
/** Crew and status change through their own actions (assign, status). */
export const jobUpdateInput = z.strictObject({
  ...z.object(jobFields).omit({ kind: true }).partial().shape,
  version,
});
export type JobUpdateInput = z.input<typeof jobUpdateInput>;

/** Assign (or reschedule, or unassign with `crewId: null`) a job: the dispatch board's drop. */
export const jobAssignInput = z.strictObject({
  crewId: uuid.nullable(),
  scheduledStart: isoDateTime,
  scheduledEnd: isoDateTime,
  version: version.optional(),
});
export type JobAssignInput = z.input<typeof jobAssignInput>;

/**
 * A status step. `occurredAt` is when it happened on the device (an offline change is replayed later with its
 * original time, under the same Idempotency-Key); completion carries notes, checklist results and signature.
 */
export const jobStatusInput = z.strictObject({
  status: jobStatus,
  occurredAt: isoDateTime.optional(),
  note: fieldText(1000),
  version: version.optional(),
  completionNotes: fieldText(5000),
  signatureName: fieldText(200),
  checklistDone: z.array(z.boolean()).max(50).optional(),
});
export type JobStatusInput = z.input<typeof jobStatusInput>;

export const jobStatusStepSchema = z.object({
  id: uuid,
  jobId: uuid,
  fromStatus: jobStatus.nullable(),
  toStatus: jobStatus,
  occurredAt: isoDateTime,
  recordedAt: isoDateTime,
  actorUserId: uuid.nullable(),
  note: z.string().nullable(),
});
export type JobStatusStep = z.infer<typeof jobStatusStepSchema>;

export const JOB_SORTS = ['createdAt', 'scheduledStart', 'priority', 'title'] as const;
export const jobListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(JOB_SORTS, '-createdAt'),
  status: csvList(jobStatus).optional(),
  priority: csvList(jobPriority).optional(),
  kind: jobKind.optional(),
  crewId: z.union([uuid, z.literal('none'), z.literal('mine')]).optional(),
  skill: skill.optional(),
  companyId: uuid.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
