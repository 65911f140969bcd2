import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './ui/data-table';
import { PageHeader } from './ui/page-header';

/** The query behind a table's rows: its loading state, error and "Try again". */
export interface TableQuery {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface TableSectionProps<T>
  extends Omit<DataTableProps<T>, 'isLoading' | 'error' | 'onRetry' | 'data-testid'> {
  /** Accessible name of the section and the table ("API keys"); also the heading unless `title` is set. */
  label: string;
  title?: string;
  description?: ReactNode;
  /** Buttons at the right of the heading ("New team"). */
  actions?: ReactNode;
  /** Loading / error / retry of the rows; without it the rows are already there (a team's members). */
  query?: TableQuery;
  testId: string;
  /** Between the heading and the table: filters, an "add" form, a mutation's error. */
  notice?: ReactNode;
  /** After the table, usually its dialogs. */
  children?: ReactNode;
  className?: string;
}

/**
 * The one table screen of the settings (and profile) pages: a labelled section with an h2 heading, a notice
 * area, a `DataTable` wired to its query (skeleton, error with "Try again", empty message), then dialogs.
 */
export function TableSection<T>({
  label,
  title = label,
  description,
  actions,
  query,
  testId,
  notice,
  children,
  className = 'space-y-3',
  ...table
}: TableSectionProps<T>) {
  return (
    <section aria-label={label} className={className}>
      <PageHeader headingLevel={2} title={title} description={description} actions={actions} />
      {notice}
      <DataTable
        {...table}
        label={label}
        data-testid={testId}
        {...(query
          ? { isLoading: query.isPending, error: query.error, onRetry: () => void query.refetch() }
          : {})}
      />
      {children}
    </section>
  );
}
