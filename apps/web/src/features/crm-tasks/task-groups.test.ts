import type { Task } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { groupTasks, taskGroup } from './task-groups';

const now = new Date(2026, 0, 15, 12, 0, 0);
const at = (day: number, hour: number) => new Date(2026, 0, day, hour, 0, 0).toISOString();

function task(title: string, dueAt: string | null): Task {
  return {
    id: `00000000-0000-4000-8000-${title.padStart(12, '0').slice(-12)}`,
    createdAt: at(1, 9),
    updatedAt: at(1, 9),
    createdBy: null,
    version: 1,
    archivedAt: null,
    title,
    description: null,
    dueAt,
    priority: 'normal',
    status: 'open',
    assigneeId: null,
    related: null,
    completedAt: null,
    milestoneId: null,
    estimateHours: null,
    checklist: [],
  };
}

describe('task groups', () => {
  it('puts a task in Overdue / Today / Upcoming / No date by its due time (local)', () => {
    expect(taskGroup(at(14, 9), now)).toBe('overdue');
    expect(taskGroup(at(15, 11), now)).toBe('overdue');
    expect(taskGroup(at(15, 18), now)).toBe('today');
    expect(taskGroup(new Date(2026, 0, 15, 23, 59, 59).toISOString(), now)).toBe('today');
    expect(taskGroup(at(16, 0), now)).toBe('upcoming');
    expect(taskGroup(null, now)).toBe('none');
  });

  it('groups and sorts each group by due time, then title', () => {
    const groups = groupTasks(
      [
        task('b', at(20, 9)),
        task('a', null),
        task('c', at(15, 8)),
        task('d', at(16, 9)),
        task('e', at(15, 20)),
      ],
      now,
    );
    expect(groups.overdue.map((t) => t.title)).toEqual(['c']);
    expect(groups.today.map((t) => t.title)).toEqual(['e']);
    expect(groups.upcoming.map((t) => t.title)).toEqual(['d', 'b']);
    expect(groups.none.map((t) => t.title)).toEqual(['a']);
  });
});
