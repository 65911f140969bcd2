import type { TimelineItem } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { changeLines, itemBadge, itemTitle } from './timeline-item';

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  kind: 'audit',
  id: '1',
  at: '2026-12-05T10:00:00.000Z',
  title: 'lead.status_changed',
  detail: null,
  actorId: null,
  data: {},
  via: null,
  ...over,
});

describe('timeline entries', () => {
  it('names an activity by its type: a logged call is a "Call", not an "Activity"', () => {
    expect(itemBadge(item({ kind: 'activity', title: 'Called', data: { type: 'call' } })).label).toBe('Call');
    expect(itemBadge(item({ kind: 'activity', title: 'x', data: { type: 'meeting' } })).label).toBe(
      'Meeting',
    );
    expect(itemBadge(item({ kind: 'task', title: 'x' })).label).toBe('Task');
  });

  it('shows a status change with its from and to, in words', () => {
    const change = item({ data: { changes: { status: { from: 'in_progress', to: 'qualified' } } } });
    expect(itemTitle(change)).toBe('Status changed');
    expect(changeLines(change, {})).toEqual(['Status: In progress → Qualified']);
  });

  it('names people, writes money in units, and says nothing for a creation', () => {
    const names = { actorName: (id: string) => (id === 'u1' ? 'Ada Admin' : 'Bo Sales') };
    const update = item({
      title: 'deal.updated',
      data: {
        changes: { ownerId: { from: 'u1', to: 'u2' }, amountCents: { from: null, to: 123456 } },
      },
    });
    expect(changeLines(update, names)).toEqual(['Owner: Ada Admin → Bo Sales', 'Amount: none → $1,234.56']);
    const created = item({
      title: 'lead.created',
      data: { changes: { firstName: { from: null, to: 'A' } } },
    });
    expect(changeLines(created, names)).toEqual([]);
  });

  it('names referenced records the page knows (a deal’s stage), else “another record”', () => {
    const moved = item({
      title: 'deal.stage_changed',
      data: { changes: { stageId: { from: 's1', to: 's2' }, companyId: { from: null, to: 'c9' } } },
    });
    const stages: Record<string, string> = { s1: 'Qualification', s2: 'Proposal' };
    expect(
      changeLines(moved, { refName: (field, id) => (field === 'stageId' ? stages[id] : undefined) }),
    ).toEqual(['Stage: Qualification → Proposal', 'Company: none → another record']);
    expect(changeLines(moved, {})).toEqual([
      'Stage: another record → another record',
      'Company: none → another record',
    ]);
  });
});
