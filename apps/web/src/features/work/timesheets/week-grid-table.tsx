import { type KeyboardEvent, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../lib/cn';
import {
  addDays,
  DAYS,
  dayTotals,
  type GridRow,
  MAX_DAY_HOURS,
  moveFocus,
  parseHours,
  rowTotal,
  stepCell,
  weekTotal,
} from './week-grid';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hours = (value: number) => `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} h`;
const dayLabel = (weekStart: string, day: number) =>
  new Date(`${addDays(weekStart, day)}T00:00:00`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
  });

export interface WeekGridTableProps {
  weekStart: string;
  rows: readonly GridRow[];
  /** The row's name (project, and task): its heading and its cells' labels. */
  rowName: (row: GridRow) => string;
  locked: boolean;
  onChange: (rowIndex: number, day: number, value: string) => void;
  onRemove: (rowIndex: number) => void;
}

/**
 * The weekly grid: a row per project or project task, a column per day, row and day totals. Cells take quarter hours
 * (`7.5`, `7,5`, `7:30`); Tab moves along, arrows and Enter move between cells, `+` / `-` step by 0.25 h.
 */
export function WeekGridTable({ weekStart, rows, rowName, locked, onChange, onRemove }: WeekGridTableProps) {
  const table = useRef<HTMLTableElement>(null);
  const totals = dayTotals(rows);
  const focusCell = (row: number, day: number) =>
    table.current?.querySelector<HTMLInputElement>(`input[data-cell="${row}-${day}"]`)?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, day: number) => {
    if (event.key === '+' || event.key === '-') {
      event.preventDefault();
      onChange(row, day, stepCell(event.currentTarget.value, event.key === '+' ? 1 : -1));
      return;
    }
    const next = moveFocus({ row, day }, event.key, rows.length);
    if (!next) return;
    event.preventDefault();
    focusCell(next.row, next.day);
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table ref={table} aria-label="Hours this week" className="w-full min-w-[44rem] text-sm">
        <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-800/50 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              Project
            </th>
            {DAY_NAMES.map((name, day) => (
              <th key={name} scope="col" className="px-1 py-2 text-center">
                <span className="block">{name}</span>
                <span className="block font-normal normal-case">{dayLabel(weekStart, day)}</span>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">
              Total
            </th>
            {locked ? null : (
              <th scope="col" className="w-10">
                <span className="sr-only">Remove</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row, r) => (
            <tr key={row.key} data-testid="timesheet-row">
              <th scope="row" className="px-3 py-2 text-left font-medium text-zinc-900 dark:text-zinc-100">
                {rowName(row)}
                {row.billable ? null : <span className="ml-2 text-xs text-zinc-500">not billable</span>}
              </th>
              {row.cells.map((cell, day) => {
                const invalid = parseHours(cell) === null;
                return (
                  <td key={DAY_NAMES[day]} className="px-1 py-1.5">
                    <input
                      data-cell={`${r}-${day}`}
                      aria-label={`${rowName(row)}, ${DAY_NAMES[day]}`}
                      aria-invalid={invalid || undefined}
                      inputMode="decimal"
                      autoComplete="off"
                      readOnly={locked}
                      value={cell}
                      onChange={(event) => onChange(r, day, event.target.value)}
                      onKeyDown={(event) => onKeyDown(event, r, day)}
                      className={cn(
                        'h-9 w-full min-w-12 rounded-md border bg-white px-1 text-center tabular-nums outline-none focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-950',
                        invalid ? 'border-red-500 text-red-700' : 'border-zinc-300 dark:border-zinc-700',
                        locked && 'border-transparent bg-transparent dark:bg-transparent',
                      )}
                    />
                  </td>
                );
              })}
              <td className="px-3 py-2 text-right font-medium tabular-nums" data-testid="row-total">
                {hours(rowTotal(row))}
              </td>
              {locked ? null : (
                <td className="pr-2 text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove ${rowName(row)}`}
                    onClick={() => onRemove(r)}
                  >
                    ×
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-zinc-200 bg-zinc-50 font-medium dark:border-zinc-800 dark:bg-zinc-800/50">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              Day total
            </th>
            {totals.map((total, day) => (
              <td
                key={DAY_NAMES[day]}
                data-testid={`day-total-${day}`}
                className={cn(
                  'px-1 py-2 text-center tabular-nums',
                  total > MAX_DAY_HOURS && 'text-red-600 dark:text-red-400',
                )}
              >
                {total ? hours(total) : '—'}
              </td>
            ))}
            <td className="px-3 py-2 text-right tabular-nums" data-testid="week-total">
              {hours(weekTotal(rows))}
            </td>
            {locked ? null : <td />}
          </tr>
        </tfoot>
      </table>
      {rows.length === 0 ? null : (
        <p className="sr-only">{`${DAYS} days; Tab and the arrow keys move between cells.`}</p>
      )}
    </div>
  );
}
