import type { ReactNode } from 'react';
import type { RowKeyboard } from '../../hooks/use-row-keyboard';
import { cn } from '../../lib/cn';
import { ErrorAlert } from './alert';
import { Skeleton } from './skeleton';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
  /** `aria-sort` of the header cell, for sortable columns. */
  sort?: 'ascending' | 'descending' | 'none';
}

export interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Shown in place of the rows when the list is empty. */
  empty?: ReactNode;
  footer?: ReactNode;
  /** Marks a row (e.g. selected) with a highlight. */
  isRowHighlighted?: (row: T) => boolean;
  /** Keyboard navigation of the rows (`useRowKeyboard`): arrows, Enter, Space. */
  keyboard?: RowKeyboard;
  'data-testid'?: string;
}

const cellBase = 'px-4 py-3 text-left align-middle';

/**
 * The one data table: loading skeleton rows, error (message + request id, "Try again"), empty message,
 * then the rows. Horizontal scroll on narrow screens.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  isLoading,
  error,
  onRetry,
  empty,
  footer,
  isRowHighlighted,
  keyboard,
  ...rest
}: DataTableProps<T>) {
  if (error && !rows)
    return <ErrorAlert error={error} onRetry={onRetry} title={`Could not load ${label.toLowerCase()}`} />;
  const loading = isLoading && !rows;
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="relative overflow-x-auto">
        <table
          aria-label={label}
          aria-busy={loading || undefined}
          className="w-full text-sm"
          data-testid={rest['data-testid']}
        >
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={column.sort}
                  className={cn(cellBase, 'py-2.5', column.className)}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody
            {...keyboard?.bodyProps}
            className="divide-y divide-zinc-200 text-zinc-800 dark:divide-zinc-800 dark:text-zinc-200"
          >
            {loading
              ? ['a', 'b', 'c'].map((key) => (
                  <tr key={key}>
                    {columns.map((column) => (
                      <td key={column.key} className={cellBase}>
                        <Skeleton className="w-3/4" />
                      </td>
                    ))}
                  </tr>
                ))
              : null}
            {!loading && rows?.length === 0 ? (
              <tr>
                <td
                  colSpan={columns.length}
                  className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400"
                >
                  {empty ?? 'Nothing here yet.'}
                </td>
              </tr>
            ) : null}
            {rows?.map((row, index) => (
              <tr
                key={rowKey(row)}
                {...keyboard?.rowProps(index)}
                className={cn(
                  'hover:bg-zinc-50/70 dark:hover:bg-zinc-800/30',
                  keyboard &&
                    'focus-visible:bg-indigo-50/40 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:focus-visible:bg-indigo-500/10',
                  isRowHighlighted?.(row) && 'bg-indigo-50/60 dark:bg-indigo-500/10',
                )}
              >
                {columns.map((column) => (
                  <td key={column.key} className={cn(cellBase, column.className)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading ? <span className="sr-only">Loading {label.toLowerCase()}…</span> : null}
      {error && rows ? <ErrorAlert error={error} onRetry={onRetry} className="m-3" /> : null}
      {footer ? (
        <div className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">{footer}</div>
      ) : null}
    </div>
  );
}
