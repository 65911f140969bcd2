import { sql } from 'drizzle-orm';
import { linkedItemsSource } from '../../../platform/records/index.ts';
import { tasks } from './tasks.tables.ts';

/**
 * Task comments on the timeline of the record their task is linked to (a project, a deal…), at when they were
 * written: the task's link columns, permission (tasks.view) and record scope (its assignee) decide.
 */
export const taskCommentTimeline = linkedItemsSource({
  kind: 'comment',
  table: tasks,
  from: sql`task_comments join tasks on tasks.tenant_id = task_comments.tenant_id and tasks.id = task_comments.task_id`,
  view: 'tasks.view',
  scope: 'tasks',
  owner: tasks.assigneeId,
  select: sql`'comment' as kind, task_comments.id::text as id, task_comments.created_at as at, tasks.title as title,
    task_comments.body as detail, task_comments.author_id as actor_id,
    jsonb_build_object('taskId', tasks.id, 'editedAt', task_comments.edited_at) as data`,
});
