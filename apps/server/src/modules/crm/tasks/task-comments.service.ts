import type {
  TaskComment,
  taskCommentCreateInput,
  taskCommentListQuery,
  taskCommentUpdateInput,
} from '@tessera/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { decodeCursor, invalidCursor, toPage } from '../../../platform/http/pagination.ts';
import * as kit from '../../../platform/records/index.ts';
import { type TaskRow, taskDef } from './task-record.ts';
import { taskComments } from './tasks.tables.ts';

type CommentRow = typeof taskComments.$inferSelect;

const toComment = (r: CommentRow): TaskComment => ({
  id: r.id,
  taskId: r.taskId,
  authorId: r.authorId,
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  editedAt: kit.iso(r.editedAt),
  version: r.version,
});

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
/** A cursor time as this service writes it (UTC, microseconds), naming a real instant (no 13th month). */
const cursorTime = (at: unknown): at is string => {
  if (typeof at !== 'string' || !TIMESTAMP.test(at)) return false;
  const ms = Date.parse(`${at.slice(0, 23)}Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === at.slice(0, 19);
};

/** The task the caller may see (tasks.view is the route's; record scope on the assignee), else 404. */
const visibleTask = (t: Tx, ctx: AuthedContext, taskId: string) =>
  kit.findRecord<TaskRow>(t, ctx, taskDef, taskId);

/** A comment of that task, locked for the change, else 404. */
const commentOf = async (t: Tx, ctx: AuthedContext, taskId: string, commentId: string) => {
  const [row] = await t
    .select()
    .from(taskComments)
    .where(
      and(
        eq(taskComments.tenantId, ctx.tenantId),
        eq(taskComments.taskId, taskId),
        eq(taskComments.id, commentId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Comment');
  return row;
};

const notYours = (what: string) =>
  new AppError('FORBIDDEN', `Only its author can ${what} this comment`, {
    details: [{ path: 'params.commentId', message: `Not your comment` }],
  });

/** A task's comments, oldest first (keyset on time and id; the cursor keeps PostgreSQL's microseconds). */
export const listTaskComments = (
  ctx: AuthedContext,
  taskId: string,
  q: z.output<typeof taskCommentListQuery>,
) =>
  kit.inTenant(ctx, async (t) => {
    await visibleTask(t, ctx, taskId);
    let after = sql`true`;
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      if (!cursorTime(at) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      after = sql`(${taskComments.createdAt}, ${taskComments.id}) > (${at}::timestamptz, ${id}::uuid)`;
    }
    const rows = await t
      .select({
        row: taskComments,
        key: sql<string>`to_char(${taskComments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(taskComments)
      .where(and(eq(taskComments.tenantId, ctx.tenantId), eq(taskComments.taskId, taskId), after))
      .orderBy(asc(taskComments.createdAt), asc(taskComments.id))
      .limit(q.limit + 1);
    const { items, pagination } = toPage(rows, q.limit, (r) => [r.key, r.row.id]);
    return { items: items.map((r) => toComment(r.row)), pagination };
  });

/**
 * Adds the caller's comment to a task they can see; audited; `task.commented` tells the assignee (unless they
 * wrote it: the notifications consumer leaves them out).
 */
export const addTaskComment = (
  ctx: AuthedContext,
  taskId: string,
  input: z.output<typeof taskCommentCreateInput>,
): Promise<TaskComment> =>
  kit.inTenant(ctx, async (t) => {
    const task = await visibleTask(t, ctx, taskId);
    const [row] = await t
      .insert(taskComments)
      .values({ tenantId: ctx.tenantId, taskId, authorId: ctx.userId, body: input.body })
      .returning();
    if (!row) throw new Error('task comment not inserted');
    await writeAudit(t, ctx, {
      action: 'task_comment.created',
      targetType: 'task_comment',
      targetId: row.id,
      changes: { taskId: { from: null, to: taskId } },
    });
    await emit(t, ctx, 'task.commented', {
      taskId,
      commentId: row.id,
      assigneeId: task.assigneeId,
      title: task.title,
    });
    return toComment(row);
  });

/** Changes the caller's own comment when `version` matches (stale → 409); someone else's → 403; audited. */
export const updateTaskComment = (
  ctx: AuthedContext,
  taskId: string,
  commentId: string,
  input: z.output<typeof taskCommentUpdateInput>,
): Promise<TaskComment> =>
  kit.inTenant(ctx, async (t) => {
    await visibleTask(t, ctx, taskId);
    const before = await commentOf(t, ctx, taskId, commentId);
    if (before.authorId !== ctx.userId) throw notYours('change');
    if (before.version !== input.version) throw kit.conflict('Comment', toComment(before));
    if (before.body === input.body) return toComment(before);
    const [after] = await t
      .update(taskComments)
      .set({ body: input.body, editedAt: new Date(), version: before.version + 1 })
      .where(and(eq(taskComments.tenantId, ctx.tenantId), eq(taskComments.id, commentId)))
      .returning();
    if (!after) throw notFound('Comment');
    await writeAudit(t, ctx, {
      action: 'task_comment.updated',
      targetType: 'task_comment',
      targetId: commentId,
      changes: { body: { from: before.body, to: after.body } },
    });
    return toComment(after);
  });

/** Deletes the caller's own comment, or any comment with tasks.delete (who may delete the task itself); audited. */
export const deleteTaskComment = (ctx: AuthedContext, taskId: string, commentId: string) =>
  kit.inTenant(ctx, async (t) => {
    await visibleTask(t, ctx, taskId);
    const before = await commentOf(t, ctx, taskId, commentId);
    if (before.authorId !== ctx.userId && !ctx.auth.permissions.has('tasks.delete')) throw notYours('delete');
    await t
      .delete(taskComments)
      .where(and(eq(taskComments.tenantId, ctx.tenantId), eq(taskComments.id, commentId)));
    await writeAudit(t, ctx, {
      action: 'task_comment.deleted',
      targetType: 'task_comment',
      targetId: commentId,
      changes: { body: { from: before.body, to: null }, taskId: { from: taskId, to: null } },
    });
  });
