import type {
  Task,
  taskCompleteInput,
  taskCreateInput,
  taskListQuery,
  taskUpdateInput,
} from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { taskChanged, taskCreated } from '../crm-events.ts';
import { type TaskRow, taskColumns, taskDef, taskListSpec, toTask } from './task-record.ts';
import { tasks } from './tasks.tables.ts';

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : iso);
const minutes = (hours: number | null | undefined) =>
  hours === undefined ? {} : { estimateMinutes: hours === null ? null : Math.round(hours * 60) };

/** A milestone must belong to the project the task is linked to (foreign key tasks_milestone_fk; ADR 0021). */
const milestoneRules = (err: unknown): never => {
  const text = `${(err as Error).message} ${String((err as { cause?: Error }).cause?.message ?? '')}`;
  if (/tasks_milestone_fk|tasks_milestone_needs_project/.test(text))
    throw new AppError('VALIDATION_ERROR', "The milestone is not one of the task's project", {
      details: [{ path: 'body.milestoneId', message: 'Not a milestone of the linked project' }],
    });
  throw err;
};

/** completedAt follows the status: set when it becomes done (kept if it already was), cleared otherwise. */
const completion = (status: Task['status'] | undefined) =>
  status === undefined
    ? {}
    : { completedAt: status === 'done' ? sql`coalesce(${tasks.completedAt}, now())` : null };

/** A keyset page of tasks the caller may see (filters, sort, q, total on request). */
export const listTasks = (ctx: AuthedContext, query: z.output<typeof taskListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<TaskRow>(
      t,
      taskListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      taskColumns,
    );
    return { items: rows.map(toTask), pagination };
  });

/** One task the caller may see, or 404. */
export const getTask = (ctx: AuthedContext, id: string): Promise<Task> =>
  kit.inTenant(ctx, async (t) => toTask(await kit.findRecord<TaskRow>(t, ctx, taskDef, id)));

/**
 * Creates a task, assigned to its creator unless told otherwise (an assignee must be an active member;
 * null leaves it unassigned), optionally linked to a record the caller can see.
 */
export const createTask = (ctx: AuthedContext, input: z.output<typeof taskCreateInput>): Promise<Task> =>
  kit.inTenant(ctx, async (t) => {
    const { related, dueAt, estimateHours, ...fields } = input;
    const assigneeId = input.assigneeId === undefined ? ctx.userId : input.assigneeId;
    await kit.assertReferences(t, ctx, { assigneeId, milestoneId: input.milestoneId });
    if (related) await kit.assertRelatedVisible(t, ctx, related);
    const row = await kit
      .insertRecord<TaskRow>(t, ctx, taskDef, {
        ...fields,
        dueAt: date(dueAt),
        ...minutes(estimateHours),
        assigneeId,
        completedAt: input.status === 'done' ? new Date() : null,
        ...kit.relatedColumns(related),
      })
      .catch(milestoneRules)
      .then(taskCreated(t, ctx));
    return toTask(row);
  });

/** Changes a task when `version` matches (stale → 409 with the current one); audited. */
export const updateTask = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof taskUpdateInput>,
): Promise<Task> =>
  kit.inTenant(ctx, async (t) => {
    const { version, dueAt, estimateHours, ...patch } = input;
    await kit.assertReferences(t, ctx, { assigneeId: patch.assigneeId, milestoneId: patch.milestoneId });
    const { after } = await kit
      .updateRecord<TaskRow>(t, ctx, taskDef, {
        id,
        version,
        patch: { ...patch, dueAt: date(dueAt), ...minutes(estimateHours), ...completion(patch.status) },
        toDto: toTask,
      })
      .catch(milestoneRules)
      .then(taskChanged(t, ctx));
    return toTask(after);
  });

/** Marks a task done (completedAt now). Completing a done task changes nothing and is not an error. */
export const completeTask = (ctx: AuthedContext, id: string, input: z.output<typeof taskCompleteInput>) =>
  kit.inTenant(ctx, async (t) => {
    const task = await kit.findRecord<TaskRow>(t, ctx, taskDef, id, true);
    if (task.status === 'done') return toTask(task);
    if (input.version !== undefined && task.version !== input.version)
      throw kit.conflict(taskDef.label, toTask(task));
    const { after } = await kit
      .updateRecord<TaskRow>(t, ctx, taskDef, {
        id,
        version: undefined,
        patch: { status: 'done', ...completion('done') },
        toDto: toTask,
        action: 'completed',
      })
      .then(taskChanged(t, ctx));
    return toTask(after);
  });

/** Archives or restores a task (optionally version-checked); audited. */
export const archiveTask = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Task> =>
  kit.inTenant(ctx, async (t) =>
    toTask((await kit.setArchived<TaskRow>(t, ctx, taskDef, { id, archived, version, toDto: toTask })).after),
  );

/** Deletes a task; audited. */
export const deleteTask = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, taskDef, id));
