import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { ACTIVITY_TYPES, relatedType } from './common.ts';
import { relatedRef } from './related.ts';

export const activitySchema = z.object({
  ...recordBase,
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: isoDateTime,
  durationMinutes: z.number().int().nullable(),
  ownerId: uuid.nullable(),
  related: z.object({ type: relatedType, id: uuid }),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityCreateInput = z.strictObject({
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string().trim().min(1, 'Required').max(200),
  body: z.string().max(20_000).nullable().optional(),
  occurredAt: isoDateTime.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  related: relatedRef,
});
export type ActivityCreateInput = z.input<typeof activityCreateInput>;
export const activityUpdateInput = z.strictObject({
  subject: z.string().trim().min(1).max(200).optional(),
  body: z.string().max(20_000).nullable().optional(),
  occurredAt: isoDateTime.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  version,
});
export const activityListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['occurredAt', 'createdAt'], '-occurredAt'),
  type: z.enum(ACTIVITY_TYPES).optional(),
  relatedType: relatedType.optional(),
  relatedId: uuid.optional(),
  ownerId: z.union([uuid, z.literal('me')]).optional(),
});
