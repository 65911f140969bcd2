import { and, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { tasks } from './tasks.tables.ts';

/** Open or in-progress tasks with an assignee due in [from, to), in the transaction's tenant (RLS). */
export const assignedTasksDue = (tx: Tx, from: Date, to: Date) =>
  tx
    .select({ id: tasks.id, tenantId: tasks.tenantId, title: tasks.title, assigneeId: tasks.assigneeId })
    .from(tasks)
    .where(
      and(
        gte(tasks.dueAt, from),
        lt(tasks.dueAt, to),
        isNotNull(tasks.assigneeId),
        inArray(tasks.status, ['open', 'in_progress']),
      ),
    );

/** Titles of tasks by id, in the transaction's tenant (RLS): invoice lines of the work module name them. */
export const taskTitles = async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(inArray(tasks.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.title]));
};
