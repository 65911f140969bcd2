import { sql } from 'drizzle-orm';
import { linkedItemsSource } from '../../../platform/records/index.ts';
import { tasks } from './tasks.tables.ts';

/**
 * Tasks on a record's timeline at their due date (when they have one, else when they were added): only for
 * callers who may view tasks, within their scope.
 */
export const taskTimeline = linkedItemsSource({
  kind: 'task',
  table: tasks,
  view: 'tasks.view',
  scope: 'tasks',
  owner: tasks.assigneeId,
  select: sql`'task' as kind, tasks.id::text as id, coalesce(tasks.due_at, tasks.created_at) as at, tasks.title as title,
    tasks.description as detail, tasks.created_by as actor_id,
    jsonb_build_object('status', tasks.status, 'priority', tasks.priority, 'dueAt', tasks.due_at, 'assigneeId', tasks.assignee_id,
      'createdAt', tasks.created_at, 'completedAt', tasks.completed_at) as data`,
});
