import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../../platform/db/columns.ts';
import { tenants, users } from '../../identity/index.ts';
import { relatedColumns, relatedKeys } from '../activities/related-links.ts';
import { recordColumns } from '../record-columns.ts';
import { at } from '../table-helpers.ts';

export const tasks = pgTable(
  'tasks',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    description: text('description'),
    dueAt: at('due_at'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    status: text('status', { enum: ['open', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    completedAt: at('completed_at'),
    ...relatedColumns(),
    /** Project tasks (ADR 0021): a milestone of the linked project (FK with the project, in SQL), an estimate, a checklist. */
    milestoneId: uuid('milestone_id'),
    estimateMinutes: integer('estimate_minutes'),
    checklist: jsonb('checklist').$type<{ text: string; done: boolean }[]>().notNull().default([]),
  },
  (t) => [
    ...relatedKeys('tasks', t),
    // Target of tenant foreign keys from other modules' tables (the work module's time entries).
    uniqueIndex('tasks_tenant_id_key').on(t.tenantId, t.id),
    check(
      'tasks_at_most_one_related',
      sql`num_nonnulls(lead_id, contact_id, company_id, deal_id, project_id) <= 1`,
    ),
    index('tasks_tenant_assignee_due_idx').on(t.tenantId, t.assigneeId, t.status, t.dueAt),
    index('tasks_tenant_due_idx').on(t.tenantId, t.dueAt, t.id),
    index('tasks_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    // List sorts: due date with undated tasks last, and priority rank (low 0 … urgent 3).
    index('tasks_tenant_due_sort_idx').on(t.tenantId, sql`coalesce(due_at, 'infinity'::timestamptz)`, t.id),
    index('tasks_tenant_priority_idx').on(
      t.tenantId,
      sql`(case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`,
      t.id,
    ),
    index('tasks_tenant_lead_idx').on(t.tenantId, t.leadId),
    index('tasks_tenant_contact_idx').on(t.tenantId, t.contactId),
    index('tasks_tenant_company_idx').on(t.tenantId, t.companyId),
    index('tasks_tenant_deal_idx').on(t.tenantId, t.dealId),
    index('tasks_tenant_project_idx').on(t.tenantId, t.projectId, t.status),
    check('tasks_milestone_needs_project', sql`milestone_id is null or project_id is not null`),
    check('tasks_estimate_range', sql`estimate_minutes is null or estimate_minutes between 0 and 1000000`),
  ],
);

/**
 * Comments on a task (ADR 0021, amended): the task's discussion, owned by the tasks entity — seen by whoever sees
 * the task (tasks.view and its record scope), gone with it. `author_id` is null once the author's user is gone;
 * `edited_at` is set when the author changed the body.
 */
export const taskComments = pgTable(
  'task_comments',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    ...timestamps(),
    editedAt: at('edited_at'),
    version: versionColumn(),
  },
  (t) => [
    foreignKey({
      name: 'task_comments_task_fk',
      columns: [t.tenantId, t.taskId],
      foreignColumns: [tasks.tenantId, tasks.id],
    }).onDelete('cascade'),
    check('task_comments_body_length', sql`char_length(body) between 1 and 5000`),
    index('task_comments_task_idx').on(t.tenantId, t.taskId, t.createdAt, t.id),
  ],
);
