import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { relatedType, TASK_PRIORITIES, TASK_STATUSES } from './common.ts';
import { relatedRef } from './related.ts';

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
  milestoneId: uuid.nullable(),
  estimateHours: z.number().nullable(),
  checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
});
export type Task = z.infer<typeof taskSchema>;
const taskFields = {
  title: z.string().trim().min(1, 'Required').max(200),
  description: z.string().max(20_000).nullable().optional(),
  dueAt: isoDateTime.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  assigneeId: uuid.nullable().optional(),
  /** A milestone of the project the task is linked to (`related: { type: 'project' }`). */
  milestoneId: uuid.nullable().optional(),
  estimateHours: z.number().multipleOf(0.25).min(0).max(10_000).nullable().optional(),
  checklist: z
    .array(z.strictObject({ text: z.string().trim().min(1).max(300), done: z.boolean() }))
    .max(100)
    .optional(),
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

/** A comment on a task (its discussion; ADR 0021). `authorId` null: the author's user is gone. */
export const taskCommentSchema = z.object({
  id: uuid,
  taskId: uuid,
  authorId: uuid.nullable(),
  body: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Set when the author changed the body. */
  editedAt: isoDateTime.nullable(),
  version,
});
export type TaskComment = z.infer<typeof taskCommentSchema>;
export const TASK_COMMENT_MAX = 5000;
const commentBody = z.string().trim().min(1, 'Required').max(TASK_COMMENT_MAX);
export const taskCommentCreateInput = z.strictObject({ body: commentBody });
export type TaskCommentCreateInput = z.input<typeof taskCommentCreateInput>;
export const taskCommentUpdateInput = z.strictObject({ body: commentBody, version });
export type TaskCommentUpdateInput = z.input<typeof taskCommentUpdateInput>;
/** `GET /tasks/:id/comments`: oldest first, keyset `cursor`. */
export const taskCommentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export const taskCommentParams = z.strictObject({ id: uuid, commentId: uuid });
