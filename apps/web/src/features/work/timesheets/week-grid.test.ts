import { describe, expect, it } from 'vitest';
import {
  addRow,
  dayTotals,
  type GridRow,
  gridProblems,
  mondayOf,
  moveFocus,
  parseHours,
  parseWeek,
  rowLabel,
  rowsFromWeek,
  rowTotal,
  stepCell,
  toSaveRows,
  weekTotal,
} from './week-grid';

const row = (projectId: string, cells: string[], billable = true): GridRow => ({
  key: `${projectId}:${billable}`,
  projectId,
  taskId: null,
  billable,
  note: null,
  cells,
});

describe('weekly grid arithmetic', () => {
  it('reads quarter hours in decimal, comma and clock form and refuses the rest', () => {
    expect(parseHours('')).toBe(0);
    expect(parseHours(' 8 ')).toBe(8);
    expect(parseHours('7.5')).toBe(7.5);
    expect(parseHours('7,25')).toBe(7.25);
    expect(parseHours('1:45')).toBe(1.75);
    expect(parseHours('.75')).toBe(0.75);
    expect(parseHours('0.3')).toBeNull();
    expect(parseHours('1:10')).toBeNull();
    expect(parseHours('25')).toBeNull();
    expect(parseHours('-1')).toBeNull();
    expect(parseHours('abc')).toBeNull();
    expect(parseHours('24')).toBe(24);
  });

  it('steps a cell by quarter hours within 0–24', () => {
    expect(stepCell('', 1)).toBe('0.25');
    expect(stepCell('7.75', 1)).toBe('8');
    expect(stepCell('0.25', -1)).toBe('');
    expect(stepCell('', -1)).toBe('');
    expect(stepCell('24', 1)).toBe('24');
    expect(stepCell('oops', 2)).toBe('0.5');
  });

  it('totals rows, days and the week; invalid cells count as 0 and are reported', () => {
    const rows = [
      row('a', ['8', '7.5', '', '', '4', '', '']),
      row('b', ['2', '0.25', 'x', '', '', '', '1:30']),
    ];
    expect(rowTotal(rows[0] as GridRow)).toBe(19.5);
    expect(dayTotals(rows)).toEqual([10, 7.75, 0, 0, 4, 0, 1.5]);
    expect(weekTotal(rows)).toBe(23.25);
    expect(gridProblems(rows)).toEqual({ invalidCells: 1, daysOver: [] });
    const over = [row('a', ['20', '', '', '', '', '', '']), row('b', ['4.25', '', '', '', '', '', ''])];
    expect(gridProblems(over)).toEqual({ invalidCells: 0, daysOver: [0] });
  });

  it('groups a week’s entries into rows by project and billable flag, summing a day', () => {
    const entry = (projectId: string, date: string, hours: number, billable = true) =>
      ({ projectId, date, hours, billable, taskId: null, note: null }) as never;
    const rows = rowsFromWeek({
      weekStart: '2026-03-02',
      entries: [
        entry('p1', '2026-03-02', 4),
        entry('p1', '2026-03-02', 1.5),
        entry('p1', '2026-03-08', 2),
        entry('p1', '2026-03-03', 3, false),
        entry('p2', '2026-03-04', 8),
      ],
    });
    expect(rows.map((r) => [r.projectId, r.billable, r.cells])).toEqual([
      ['p1', true, ['5.5', '', '', '', '', '', '2']],
      ['p1', false, ['', '3', '', '', '', '', '']],
      ['p2', true, ['', '', '8', '', '', '', '']],
    ]);
  });

  it('adds a project once and saves only rows with time, as numbers', () => {
    const one = addRow([], 'p1') as GridRow[];
    expect(one).toHaveLength(1);
    expect(addRow(one, 'p1')).toBeNull();
    const two = addRow(one, 'p2') as GridRow[];
    (two[0] as GridRow).cells = ['8', '8', '', '', '', '', ''];
    expect(toSaveRows(two)).toEqual([{ projectId: 'p1', billable: true, hours: [8, 8, 0, 0, 0, 0, 0] }]);
  });

  it('keeps a row per project task: added once, grouped from entries, saved with its taskId, named after it', () => {
    const whole = addRow([], 'p1') as GridRow[];
    const withTask = addRow(whole, 'p1', { taskId: 't1' }) as GridRow[];
    expect(withTask.map((r) => [r.projectId, r.taskId])).toEqual([
      ['p1', null],
      ['p1', 't1'],
    ]);
    expect(addRow(withTask, 'p1', { taskId: 't1' })).toBeNull();
    expect(addRow(withTask, 'p1', { taskId: 't1', billable: false })).toHaveLength(3);
    (withTask[1] as GridRow).cells = ['', '2.5', '', '', '', '', ''];
    expect(toSaveRows(withTask)).toEqual([
      { projectId: 'p1', taskId: 't1', billable: true, hours: [0, 2.5, 0, 0, 0, 0, 0] },
    ]);
    const entry = (taskId: string | null, date: string, hours: number) =>
      ({ projectId: 'p1', date, hours, billable: true, taskId, note: null }) as never;
    const rows = rowsFromWeek({
      weekStart: '2026-03-02',
      entries: [entry('t1', '2026-03-02', 2), entry(null, '2026-03-02', 1), entry('t1', '2026-03-03', 3)],
    });
    expect(rows.map((r) => [r.taskId, r.cells.slice(0, 2)])).toEqual([
      ['t1', ['2', '3']],
      [null, ['1', '']],
    ]);
    const project = (id: string) => (id === 'p1' ? 'DEP · Depot' : '?');
    const titles = (id: string) => (id === 't1' ? 'Pull cables' : undefined);
    expect(rowLabel({ projectId: 'p1', taskId: 't1' }, project, titles)).toBe('DEP · Depot · Pull cables');
    expect(rowLabel({ projectId: 'p1', taskId: null }, project, titles)).toBe('DEP · Depot');
    expect(rowLabel({ projectId: 'p1', taskId: 'gone' }, project, titles)).toBe('DEP · Depot · Task');
  });
});

describe('weekly grid keyboard', () => {
  it('moves with the arrows and Enter, stopping at the edges', () => {
    expect(moveFocus({ row: 0, day: 0 }, 'ArrowRight', 2)).toEqual({ row: 0, day: 1 });
    expect(moveFocus({ row: 0, day: 0 }, 'ArrowLeft', 2)).toEqual({ row: 0, day: 0 });
    expect(moveFocus({ row: 0, day: 6 }, 'ArrowRight', 2)).toEqual({ row: 0, day: 6 });
    expect(moveFocus({ row: 0, day: 3 }, 'ArrowDown', 2)).toEqual({ row: 1, day: 3 });
    expect(moveFocus({ row: 1, day: 3 }, 'Enter', 2)).toEqual({ row: 1, day: 3 });
    expect(moveFocus({ row: 1, day: 3 }, 'ArrowUp', 2)).toEqual({ row: 0, day: 3 });
    expect(moveFocus({ row: 0, day: 3 }, 'Tab', 2)).toBeNull();
    expect(moveFocus({ row: 0, day: 3 }, '5', 2)).toBeNull();
  });

  it('finds the Monday of a week and accepts only Mondays from the URL', () => {
    expect(mondayOf(new Date(2026, 2, 8, 23, 30))).toBe('2026-03-02');
    expect(mondayOf(new Date(2026, 2, 2, 0, 5))).toBe('2026-03-02');
    expect(parseWeek('2026-03-09')).toBe('2026-03-09');
    expect(parseWeek('2026-03-10', new Date(2026, 2, 4))).toBe('2026-03-02');
    expect(parseWeek('nonsense', new Date(2026, 2, 4))).toBe('2026-03-02');
  });
});
