import type { Task } from '@tessera/contracts';

export type TaskGroupKey = 'overdue' | 'today' | 'upcoming' | 'none';

export const TASK_GROUP_LABELS: Record<TaskGroupKey, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Upcoming',
  none: 'No date',
};

export const TASK_GROUP_ORDER: readonly TaskGroupKey[] = ['overdue', 'today', 'upcoming', 'none'];

/**
 * Which group a task belongs to, in the user's local time: due before now → overdue; later today → today;
 * after today → upcoming; no due date → none.
 */
export function taskGroup(dueAt: string | null, now: Date): TaskGroupKey {
  if (!dueAt) return 'none';
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return 'none';
  if (due.getTime() < now.getTime()) return 'overdue';
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  return due.getTime() <= endOfToday.getTime() ? 'today' : 'upcoming';
}

/** Tasks grouped Overdue / Today / Upcoming / No date, each sorted by due time (then title). */
export function groupTasks(tasks: readonly Task[], now: Date): Record<TaskGroupKey, Task[]> {
  const groups: Record<TaskGroupKey, Task[]> = { overdue: [], today: [], upcoming: [], none: [] };
  for (const task of tasks) groups[taskGroup(task.dueAt, now)].push(task);
  for (const list of Object.values(groups)) {
    list.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.title.localeCompare(b.title));
  }
  return groups;
}
