import type { TimesheetWeek } from '@tessera/contracts';

/** Monday first. */
export const DAYS = 7;
export const MAX_DAY_HOURS = 24;

/** One row of the weekly grid: a project (and task), the hours of each day as typed. */
export interface GridRow {
  key: string;
  projectId: string;
  taskId: string | null;
  billable: boolean;
  note: string | null;
  /** What each cell holds, Monday first ('' = nothing). */
  cells: string[];
}

/**
 * A cell's text → hours: `''` → 0; `7.5`, `7,5` and `7:30` → 7.5; `null` when it is not a quarter-hour
 * amount between 0 and 24.
 */
export function parseHours(text: string): number | null {
  const value = text.trim();
  if (value === '') return 0;
  let hours: number;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (clock) hours = Number(clock[1]) + Number(clock[2]) / 60;
  else if (/^\d{0,2}([.,]\d{1,2})?$/.test(value)) hours = Number(value.replace(',', '.'));
  else return null;
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_DAY_HOURS) return null;
  return Number.isInteger(hours * 4) ? hours : null;
}

/** Hours as a cell shows them: `0` → `''`, `7.5` → `'7.5'`, `0.25` → `'0.25'`. */
export const formatCell = (hours: number): string => (hours === 0 ? '' : String(hours));

/** The cell's value moved by `delta` quarter hours (`+`/`-`), kept within 0–24; invalid text counts as 0. */
export function stepCell(text: string, delta: number): string {
  const current = parseHours(text) ?? 0;
  return formatCell(Math.min(MAX_DAY_HOURS, Math.max(0, current + delta * 0.25)));
}

/** A row's hours per day (invalid cells count as 0). */
export const rowHours = (row: GridRow): number[] => row.cells.map((cell) => parseHours(cell) ?? 0);
export const rowTotal = (row: GridRow): number => sum(rowHours(row));
/** Hours per day across the rows, Monday first. */
export const dayTotals = (rows: readonly GridRow[]): number[] =>
  Array.from({ length: DAYS }, (_, day) => sum(rows.map((row) => parseHours(row.cells[day] ?? '') ?? 0)));
export const weekTotal = (rows: readonly GridRow[]): number => sum(dayTotals(rows));

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** What keeps the grid from being saved: cells that are not quarter hours, days over 24 h. */
export function gridProblems(rows: readonly GridRow[]): { invalidCells: number; daysOver: number[] } {
  const invalidCells = rows.reduce(
    (count, row) => count + row.cells.filter((cell) => parseHours(cell) === null).length,
    0,
  );
  const daysOver = dayTotals(rows).flatMap((total, day) => (total > MAX_DAY_HOURS ? [day] : []));
  return { invalidCells, daysOver };
}

const rowKey = (projectId: string, taskId: string | null, billable: boolean) =>
  `${projectId}:${taskId ?? ''}:${billable ? 'b' : 'n'}`;

/** The week's entries as grid rows: one row per project, task and billable flag (first row first booked). */
export function rowsFromWeek(week: Pick<TimesheetWeek, 'weekStart' | 'entries'>): GridRow[] {
  const monday = Date.parse(`${week.weekStart}T00:00:00Z`);
  const rows = new Map<string, GridRow>();
  for (const entry of week.entries) {
    const key = rowKey(entry.projectId, entry.taskId, entry.billable);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        projectId: entry.projectId,
        taskId: entry.taskId,
        billable: entry.billable,
        note: entry.note,
        cells: Array(DAYS).fill(''),
      };
      rows.set(key, row);
    }
    const day = Math.round((Date.parse(`${entry.date}T00:00:00Z`) - monday) / 86_400_000);
    if (day < 0 || day >= DAYS) continue;
    row.cells[day] = formatCell((parseHours(row.cells[day] ?? '') ?? 0) + entry.hours);
    row.note ??= entry.note;
  }
  return [...rows.values()];
}

/**
 * A new empty row for a project, or one of its tasks (billable unless said otherwise); `null` when that row is
 * already in the grid.
 */
export function addRow(
  rows: readonly GridRow[],
  projectId: string,
  { taskId = null, billable = true }: { taskId?: string | null; billable?: boolean } = {},
): GridRow[] | null {
  const key = rowKey(projectId, taskId, billable);
  if (rows.some((row) => row.key === key)) return null;
  return [...rows, { key, projectId, taskId, billable, note: null, cells: Array(DAYS).fill('') }];
}

/** A row's name: the project, and its task when it has one (`Project · Task`). */
export const rowLabel = (
  row: Pick<GridRow, 'projectId' | 'taskId'>,
  projectName: (id: string) => string,
  taskTitle: (id: string) => string | undefined,
): string => {
  const task = row.taskId ? (taskTitle(row.taskId) ?? 'Task') : null;
  return task ? `${projectName(row.projectId)} · ${task}` : projectName(row.projectId);
};

/** The save body's rows (`PUT timesheets/me/:week`): rows with some time, hours as numbers. */
export function toSaveRows(rows: readonly GridRow[]) {
  return rows
    .map((row) => ({ row, hours: rowHours(row) }))
    .filter(({ hours }) => hours.some((h) => h > 0))
    .map(({ row, hours }) => ({
      projectId: row.projectId,
      ...(row.taskId ? { taskId: row.taskId } : {}),
      billable: row.billable,
      ...(row.note ? { note: row.note } : {}),
      hours,
    }));
}

export interface CellPosition {
  row: number;
  day: number;
}

/**
 * Where a key moves the focus in a grid of `rowCount` rows × 7 days: arrows move one cell (stopping at the
 * edges), Enter moves down. `null` for keys that do not move (Tab is the browser's: along the row, then on).
 */
export function moveFocus(at: CellPosition, key: string, rowCount: number): CellPosition | null {
  const clampRow = (row: number) => Math.min(rowCount - 1, Math.max(0, row));
  const clampDay = (day: number) => Math.min(DAYS - 1, Math.max(0, day));
  switch (key) {
    case 'ArrowLeft':
      return { row: at.row, day: clampDay(at.day - 1) };
    case 'ArrowRight':
      return { row: at.row, day: clampDay(at.day + 1) };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), day: at.day };
    case 'ArrowDown':
    case 'Enter':
      return { row: clampRow(at.row + 1), day: at.day };
    default:
      return null;
  }
}

/** `YYYY-MM-DD` of the Monday of the (local) day `date` falls on. */
export function mondayOf(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` `days` after a date-only value. */
export function addDays(isoDay: string, days: number): string {
  const day = new Date(`${isoDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** A valid Monday from the URL, else this week's. */
export function parseWeek(value: string | null, today = new Date()): string {
  if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).getUTCDay() === 1)
    return value;
  return mondayOf(today);
}
