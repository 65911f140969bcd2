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
