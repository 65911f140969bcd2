import type { ImportJob } from '@tessera/contracts';
import { Alert } from '../../../components/ui/alert';
import { type Column, DataTable } from '../../../components/ui/data-table';

type RowError = ImportJob['errors'][number];

const columns: Column<RowError>[] = [
  { key: 'row', header: 'Row', cell: (error) => error.row, className: 'w-16 tabular-nums' },
  { key: 'field', header: 'Field', cell: (error) => error.field ?? '—' },
  { key: 'message', header: 'Problem', cell: (error) => error.message },
];

/** Counts and per-row errors of an import (a dry run says what *would* happen). */
export function ImportReport({ job }: { job: ImportJob }) {
  const would = job.dryRun ? 'would be ' : '';
  const counts = [
    `${job.total} rows`,
    `${job.created} ${would}created`,
    `${job.updated} ${would}updated`,
    `${job.skipped} ${would}skipped (duplicates)`,
    `${job.errorCount} with errors`,
  ];
  return (
    <div className="space-y-3" data-testid={job.dryRun ? 'dry-run-report' : 'import-report'}>
      {job.status === 'failed' ? (
        <Alert tone="danger" title="The import failed">
          {job.failureMessage ?? 'Something went wrong while reading the file.'}
        </Alert>
      ) : (
        <Alert
          tone={job.errorCount > 0 ? 'warning' : 'success'}
          title={job.dryRun ? 'Check complete' : 'Import complete'}
        >
          {counts.join(' · ')}
          {job.errorCount > 0 ? (
            <p className="mt-1">
              Rows with errors are {job.dryRun ? 'not going to be' : 'not'} imported; the others are.
            </p>
          ) : null}
        </Alert>
      )}
      {job.errors.length > 0 ? (
        <DataTable
          label="Rows with errors"
          columns={columns}
          rows={job.errors}
          rowKey={(error) => `${error.row}-${error.field ?? ''}-${error.message}`}
        />
      ) : null}
      {job.errorCount > job.errors.length ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Showing the first {job.errors.length} of {job.errorCount} errors.
        </p>
      ) : null}
    </div>
  );
}
