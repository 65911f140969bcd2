import type { ImportJob } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { type Column, DataTable } from '../../../components/ui/data-table';
import { saveBlob, toCsv } from '../../../lib/records/download';
import { recordPath } from '../../../lib/records/record-types';
import { type ImportEntity, importFieldLabel } from '../csv-mapping';

type Entry = ImportJob['errors'][number];

/** Rows of the report shown at once: the dialog keeps its size whatever the number of errors. */
export const REPORT_PAGE_SIZE = 25;

const RELATED_TYPE = { leads: 'lead', contacts: 'contact', companies: 'company' } as const;
type RecordEntity = keyof typeof RELATED_TYPE;

const columnsFor = (entity: ImportEntity): Column<Entry>[] => [
  { key: 'row', header: 'Row', cell: (entry) => entry.row, className: 'w-16 tabular-nums' },
  {
    key: 'field',
    header: 'Field',
    cell: (entry) => importFieldLabel(entity, entry.field),
    className: 'w-36',
  },
  {
    key: 'message',
    header: 'Problem',
    cell: (entry) => (
      <span className="inline-flex flex-wrap items-baseline gap-x-2">
        {entry.duplicate ? (
          <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            Skipped
          </span>
        ) : null}
        <span>{entry.message}</span>
        {entry.duplicateOfId && entity !== 'products' ? (
          <Link
            className="text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400"
            to={recordPath(RELATED_TYPE[entity as RecordEntity], entry.duplicateOfId)}
            target="_blank"
          >
            Open it
          </Link>
        ) : null}
      </span>
    ),
  },
];

const reportCsv = (entity: ImportEntity, entries: readonly Entry[]) =>
  toCsv([
    ['Row', 'Field', 'Problem', 'Kind'],
    ...entries.map((e) => [
      e.row,
      e.field === null ? '' : importFieldLabel(entity, e.field),
      e.message,
      e.duplicate ? 'Skipped duplicate' : 'Error',
    ]),
  ]);

/** Counts and per-row report of an import (a dry run says what *would* happen), paged, downloadable as CSV. */
export function ImportReport({ job }: { job: ImportJob }) {
  const entity = job.entity;
  const [page, setPage] = useState(0);
  const would = job.dryRun ? 'would be ' : '';
  const counts = [
    `${job.total} rows`,
    `${job.created} ${would}created`,
    `${job.updated} ${would}updated`,
    `${job.skipped} ${would}skipped as duplicates`,
    `${job.errorCount} ${job.errorCount === 1 ? 'problem' : 'problems'} in rows that ${job.dryRun ? 'would not be' : 'were not'} imported`,
  ];
  const pages = Math.max(1, Math.ceil(job.errors.length / REPORT_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = job.errors.slice(current * REPORT_PAGE_SIZE, (current + 1) * REPORT_PAGE_SIZE);
  const listed = job.errorCount + job.skipped;
  const download = () =>
    saveBlob(
      new Blob([reportCsv(entity, job.errors)], { type: 'text/csv;charset=utf-8' }),
      `${job.fileName?.replace(/\.csv$/i, '') ?? entity}-import-report.csv`,
    );
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
          <span data-testid="import-counts">{counts.join(' · ')}</span>
          {job.errorCount > 0 ? (
            <p className="mt-1">
              Rows with errors are {job.dryRun ? 'not going to be' : 'not'} imported; the others are.
            </p>
          ) : null}
        </Alert>
      )}
      {job.errors.length > 0 ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
              Rows with errors and skipped duplicates
            </h3>
            <Button size="sm" variant="secondary" onClick={download}>
              Download errors as CSV
            </Button>
          </div>
          <div className="max-h-72 overflow-auto rounded-lg" data-testid="import-errors">
            <DataTable
              label="Rows with errors"
              columns={columnsFor(entity)}
              rows={shown}
              rowKey={(entry) => `${entry.row}-${entry.field ?? ''}-${entry.message}`}
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
            <span data-testid="import-errors-page">
              {current * REPORT_PAGE_SIZE + 1}–{current * REPORT_PAGE_SIZE + shown.length} of{' '}
              {job.errors.length}
              {listed > job.errors.length
                ? ` (the first ${job.errors.length} of ${listed} entries are kept)`
                : ''}
            </span>
            {pages > 1 ? (
              <span className="flex items-center gap-2">
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={current === 0}
                  onClick={() => setPage(current - 1)}
                >
                  Previous
                </Button>
                <span>
                  Page {current + 1} of {pages}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={current >= pages - 1}
                  onClick={() => setPage(current + 1)}
                >
                  Next
                </Button>
              </span>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
