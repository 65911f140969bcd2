import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { ACTIVITY_TYPES, relatedType, TASK_PRIORITIES, TASK_STATUSES } from './common.ts';

export const relatedRef = z.strictObject({ type: relatedType, id: uuid });
export type RelatedRef = z.infer<typeof relatedRef>;

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

export const taskSchema = z.object({
  ...recordBase,
  title: z.string(),
  description: z.string().nullable(),
  dueAt: isoDateTime.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  assigneeId: uuid.nullable(),
  related: z.object({ type: relatedType, id: uuid }).nullable(),
  completedAt: isoDateTime.nullable(),
});
export type Task = z.infer<typeof taskSchema>;
const taskFields = {
  title: z.string().trim().min(1, 'Required').max(200),
  description: z.string().max(20_000).nullable().optional(),
  dueAt: isoDateTime.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  assigneeId: uuid.nullable().optional(),
};
export const taskCreateInput = z.strictObject({ ...taskFields, related: relatedRef.nullable().optional() });
export type TaskCreateInput = z.input<typeof taskCreateInput>;
export const taskUpdateInput = z.strictObject({ ...z.object(taskFields).partial().shape, version });
export const taskListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['dueAt', 'createdAt', 'priority'], 'dueAt'),
  /** One status or several: `status=open,in_progress` or repeated `status=` parameters. */
  status: csvList(z.enum(TASK_STATUSES)).optional(),
  assigneeId: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
  relatedType: relatedType.optional(),
  relatedId: uuid.optional(),
  dueFrom: isoDateTime.optional(),
  dueTo: isoDateTime.optional(),
});
export const taskCompleteInput = z.strictObject({ version: version.optional() });

export const timelineItemSchema = z.object({
  kind: z.enum(['activity', 'task', 'audit']),
  id: z.string(),
  at: isoDateTime,
  title: z.string(),
  detail: z.string().nullable(),
  actorId: uuid.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
