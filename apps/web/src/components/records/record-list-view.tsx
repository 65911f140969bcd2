import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useListSearchState } from '../../hooks/use-list-search-state';
import { usePersistedColumns } from '../../hooks/use-persisted-columns';
import type { ListPage } from '../../lib/records/list-page';
import type { FilterSpec, ListState } from '../../lib/records/list-query';
import { ColumnPicker } from './column-picker';
import { DataGrid, type GridColumn, type GridList, toGridList } from './data-grid';
import { FilterBar } from './filter-bar';

type ListOptions<T> = UseInfiniteQueryOptions<
  ListPage<T>,
  Error,
  InfiniteData<ListPage<T>>,
  QueryKey,
  string | undefined
>;

/** What a CRM list page declares: its grid id, filters, columns and the list query for a state. */
export interface RecordListConfig<T> {
  /** Key of the remembered column choice ("leads"). */
  grid: string;
  /** Table name ("Leads") and plural noun ("leads"). */
  label: string;
  noun: string;
  searchLabel: string;
  specs: readonly FilterSpec[];
  defaultSort: string;
  columns: readonly GridColumn<T>[];
  defaultColumns: readonly string[];
  rowKey: (row: T) => string;
  rowLabel: (row: T) => string;
  queryOptions: (state: ListState) => ListOptions<T>;
}

/** A list page's state: URL search state, remembered columns and the "Load more" list. */
export function useRecordList<T>(config: RecordListConfig<T>) {
  const search = useListSearchState(config.specs, config.defaultSort);
  const keys = config.columns.map((column) => column.key);
  const [visible, setVisible] = usePersistedColumns(config.grid, keys, config.defaultColumns);
  const list: GridList<T> = toGridList(useInfiniteQuery(config.queryOptions(search.state)));
  const filtered = Boolean(search.state.q) || Object.keys(search.state.filters).length > 0;
  return { config, search, visible, setVisible, list, filtered };
}

export type RecordList<T> = ReturnType<typeof useRecordList<T>>;

export interface RecordListViewProps<T> {
  list: RecordList<T>;
  /** Shown instead of the grid when there is nothing at all yet (no filters, no rows). */
  emptyState: ReactNode;
  /** Extra toolbar controls before the column picker (saved views, export). */
  toolbar?: ReactNode;
  /** Above the grid (bulk bar, bulk result). */
  notice?: ReactNode;
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  /** Enter on a row (default: follow the row's first link). */
  onOpenRow?: (row: T) => void;
}

/** Search + filter chips + column picker + the data grid, for any CRM list. */
export function RecordListView<T>({
  list,
  emptyState,
  toolbar,
  notice,
  selection,
  onOpenRow,
}: RecordListViewProps<T>) {
  const { config, search, visible, setVisible } = list;
  const nothingYet = !list.filtered && list.list.rows?.length === 0 && !list.list.error;
  return (
    <div className="space-y-4">
      <FilterBar
        searchLabel={config.searchLabel}
        specs={config.specs}
        state={search.state}
        onSearch={search.setQ}
        onFiltersChange={(filters) => search.setState({ ...search.state, filters })}
      >
        {toolbar}
        <ColumnPicker
          columns={config.columns.map(({ key, label }) => ({ key, label }))}
          visible={visible}
          onChange={setVisible}
        />
      </FilterBar>
      {notice}
      {nothingYet ? (
        emptyState
      ) : (
        <DataGrid
          label={config.label}
          noun={config.noun}
          columns={config.columns}
          visible={visible}
          list={list.list}
          rowKey={config.rowKey}
          rowLabel={config.rowLabel}
          sort={search.state.sort}
          onSortChange={search.setSort}
          selection={selection}
          onOpenRow={onOpenRow}
          empty={`No ${config.noun} match these filters.`}
          data-testid={`${config.grid}-grid`}
        />
      )}
    </div>
  );
}
