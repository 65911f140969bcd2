import { type AnyColumn, getTableColumns, sql } from 'drizzle-orm';
import { scopeCondition } from '../../../platform/access/index.ts';
import type { TimelineSource } from '../../../platform/records/timeline.ts';
import { tasks } from './tasks.tables.ts';

const links = getTableColumns(tasks) as Record<string, AnyColumn>;

/** Tasks on a record's timeline: only for callers who may view tasks, within their scope. */
export const taskTimeline: TimelineSource = {
  kind: 'task',
  select: (ctx, { key, id }) => {
    const link = links[key];
    if (!link) return null;
    const visible = ctx.auth.permissions.has('tasks.view')
      ? (scopeCondition(ctx.auth, 'tasks', tasks.assigneeId) ?? sql`true`)
      : sql`false`;
    return sql`
      select 'task' as kind, tasks.id::text as id, tasks.created_at as at, tasks.title as title,
             tasks.description as detail, tasks.created_by as actor_id,
             jsonb_build_object('status', tasks.status, 'priority', tasks.priority, 'dueAt', tasks.due_at, 'assigneeId', tasks.assignee_id) as data
        from tasks where tasks.tenant_id = ${ctx.tenantId} and ${link} = ${id} and ${visible}`;
  },
};
