import type { MemberImportReport } from '@tessera/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { type Column, DataTable } from '../../../components/ui/data-table';

type Row = MemberImportReport['rows'][number];
const tone: Record<Row['status'], BadgeTone> = { invited: 'success', skipped: 'neutral', error: 'danger' };

const columns: Column<Row>[] = [
  { key: 'row', header: 'Row', cell: (row) => row.row, className: 'w-16 tabular-nums' },
  { key: 'email', header: 'Email', cell: (row) => row.email ?? '—' },
  { key: 'status', header: 'Result', cell: (row) => <Badge tone={tone[row.status]}>{row.status}</Badge> },
  { key: 'message', header: 'Details', cell: (row) => row.message ?? '' },
];

/** Totals and per-row outcome of a CSV import. */
export function ImportReport({ report }: { report: MemberImportReport }) {
  return (
    <div className="space-y-4" data-testid="import-report">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" role="status">
        {report.total} rows: <strong>{report.invited} invited</strong>, {report.skipped} skipped,{' '}
        {report.errors} with errors.
      </p>
      <DataTable
        label="Import results"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => String(row.row)}
      />
    </div>
  );
}
