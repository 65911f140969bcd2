import type { Task, taskListQuery } from '@tessera/contracts';
import { getTableColumns, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { tasks } from './tasks.tables.ts';

export type TaskRow = typeof tasks.$inferSelect;

/** Tasks; record scope on the assignee ("own" = assigned to me). */
export const taskDef: kit.RecordDef = {
  name: 'task',
  label: 'Task',
  table: tasks,
  scope: 'tasks',
  owner: tasks.assigneeId,
  auditFields: [
    'title',
    'description',
    'dueAt',
    'priority',
    'status',
    'assigneeId',
    'completedAt',
    'leadId',
    'contactId',
    'companyId',
    'dealId',
    'projectId',
    'milestoneId',
    'estimateMinutes',
    'checklist',
    'archivedAt',
  ],
};

/** The API shape of a task row. */
export const toTask = (r: TaskRow): Task => ({
  ...kit.baseDto(r),
  title: r.title,
  description: r.description,
  dueAt: kit.iso(r.dueAt),
  priority: r.priority,
  status: r.status,
  assigneeId: r.assigneeId,
  related: kit.relatedOf(r),
  completedAt: kit.iso(r.completedAt),
  milestoneId: r.milestoneId,
  estimateHours: r.estimateMinutes === null ? null : r.estimateMinutes / 60,
  checklist: r.checklist,
});

/** Columns returned by task lists. */
export const taskColumns = getTableColumns(tasks);

type TaskFilters = Omit<
  z.output<typeof taskListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** Undated tasks sort after every dated one (same expression as tasks_tenant_due_sort_idx). */
const dueKey = sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`;
/** low 0 < normal 1 < high 2 < urgent 3 (same expression as tasks_tenant_priority_idx): `-priority` = urgent first. */
const priorityRank = sql`(case ${tasks.priority} when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`;

/** The tasks list ("my tasks" = `assigneeId=me&status=open,in_progress`): filters, sorts and record scope. */
export const taskListSpec = (ctx: AuthedContext, f: TaskFilters): kit.ListSpec => ({
  table: tasks,
  id: tasks.id,
  tenantId: tasks.tenantId,
  archivedAt: tasks.archivedAt,
  where: [
    kit.scopeWhere(ctx, taskDef),
    f.status?.length ? inArray(tasks.status, f.status) : undefined,
    kit.personFilter(tasks.assigneeId, f.assigneeId, ctx.userId),
    kit.relatedFilter(tasks, f.relatedType, f.relatedId),
    f.dueFrom ? gte(tasks.dueAt, new Date(f.dueFrom)) : undefined,
    f.dueTo ? lte(tasks.dueAt, new Date(f.dueTo)) : undefined,
  ],
  sorts: {
    dueAt: { expr: dueKey, type: 'timestamp' },
    createdAt: { expr: tasks.createdAt, type: 'timestamp' },
    priority: { expr: priorityRank, type: 'number' },
  },
});
