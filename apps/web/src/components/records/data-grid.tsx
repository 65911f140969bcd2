import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Pagination } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { useRowKeyboard } from '../../hooks/use-row-keyboard';
import type { ListPage } from '../../lib/records/list-page';
import { sortDirection, toggleSort } from '../../lib/records/list-query';
import { Button } from '../ui/button';
import { type Column, DataTable } from '../ui/data-table';
import { Checkbox } from '../ui/input';
import { Spinner } from '../ui/spinner';

/** A grid column: a data-table column with a plain label (column picker) and an optional sort field. */
export interface GridColumn<T> extends Column<T> {
  label: string;
  /** Whitelisted API sort field; the header becomes a sort button. */
  sortField?: string;
}

/** The rows of a "Load more" list query, ready for the grid. */
export interface GridList<T> {
  rows: T[] | undefined;
  pagination: Pagination | undefined;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
  hasMore: boolean;
  loadMore: () => void;
  loadingMore: boolean;
}

/** Adapts an infinite list query (`listInfiniteOptions`) to `GridList`. */
export function toGridList<T>(query: UseInfiniteQueryResult<InfiniteData<ListPage<T>>>): GridList<T> {
  return {
    rows: query.data?.pages.flatMap((page) => page.items),
    pagination: query.data?.pages[0]?.pagination,
    isLoading: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
  };
}

/** "42 leads", "about 12,000 leads", or nothing when the total was not asked for. */
export function totalLabel(pagination: Pagination | undefined, noun: string): string | null {
  if (pagination?.total === undefined) return null;
  const count = new Intl.NumberFormat().format(pagination.total);
  return `${pagination.totalIsEstimate ? 'about ' : ''}${count} ${noun}`;
}

export interface DataGridProps<T> {
  label: string;
  /** Plural noun for the total ("leads"). */
  noun: string;
  columns: readonly GridColumn<T>[];
  /** Keys of the columns to show (default: all). */
  visible?: readonly string[];
  list: GridList<T>;
  rowKey: (row: T) => string;
  /** Accessible name of a row's checkbox ("Select Ada Lovelace"). */
  rowLabel?: (row: T) => string;
  sort?: string | undefined;
  onSortChange?: (sort: string) => void;
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  empty?: ReactNode;
  /** Enter on a row (default: follow the row's first link, its record page). */
  onOpenRow?: (row: T) => void;
  'data-testid'?: string;
}

/**
 * The one CRM data grid (leads, contacts, companies, deals): sortable headers, visible columns, row selection,
 * total and keyset "Load more" — on top of the design system's `DataTable` (skeleton, error, empty).
 */
export function DataGrid<T>({
  label,
  noun,
  columns,
  visible,
  list,
  rowKey,
  rowLabel,
  sort,
  onSortChange,
  selection,
  empty,
  onOpenRow,
  ...rest
}: DataGridProps<T>) {
  const rows = list.rows;
  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  // ↑↓ move between rows, Enter opens one, Space selects it.
  const keyboard = useRowKeyboard({
    count: rows?.length ?? 0,
    onOpen: (index, element) => {
      const row = rows?.[index];
      if (row && onOpenRow) onOpenRow(row);
      else element.querySelector<HTMLElement>('a[href]')?.click();
    },
    onToggle: selection
      ? (index) => {
          const row = rows?.[index];
          if (row) toggle(rowKey(row));
        }
      : undefined,
  });
  const shown: Column<T>[] = columns
    .filter((column) => !visible || visible.includes(column.key))
    .map((column) => {
      const field = column.sortField;
      if (!field || !onSortChange) return column;
      const direction = sortDirection(sort, field);
      return {
        ...column,
        sort: direction,
        header: (
          <button
            type="button"
            className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
            onClick={() => onSortChange(toggleSort(sort, field))}
          >
            {column.header}
            <span aria-hidden="true">
              {direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'}
            </span>
          </button>
        ),
      };
    });

  if (selection) {
    const { selected, onChange } = selection;
    const keys = rows?.map(rowKey) ?? [];
    const all = keys.length > 0 && keys.every((key) => selected.has(key));
    shown.unshift({
      key: '__select',
      className: 'w-10',
      header: (
        <Checkbox
          aria-label="Select all loaded rows"
          checked={all}
          disabled={keys.length === 0}
          onChange={() => onChange(all ? new Set() : new Set(keys))}
        />
      ),
      cell: (row) => {
        const key = rowKey(row);
        return (
          <Checkbox
            aria-label={`Select ${rowLabel ? rowLabel(row) : key}`}
            checked={selected.has(key)}
            onChange={() => toggle(key)}
          />
        );
      },
    });
  }

  const total = totalLabel(list.pagination, noun);
  const loaded = rows?.length ?? 0;
  const footer =
    loaded > 0 || list.hasMore ? (
      <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-zinc-500 dark:text-zinc-400">
        <span data-testid="grid-count">
          Showing {loaded}
          {total ? ` of ${total}` : ` ${noun}`}
        </span>
        {list.hasMore ? (
          <Button variant="secondary" size="sm" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? <Spinner /> : null}
            Load more
          </Button>
        ) : null}
      </div>
    ) : undefined;

  return (
    <DataTable
      label={label}
      columns={shown}
      rows={rows}
      rowKey={rowKey}
      isLoading={list.isLoading}
      error={list.error}
      onRetry={list.refetch}
      empty={empty}
      footer={footer}
      isRowHighlighted={selection ? (row) => selection.selected.has(rowKey(row)) : undefined}
      keyboard={keyboard}
      data-testid={rest['data-testid']}
    />
  );
}
