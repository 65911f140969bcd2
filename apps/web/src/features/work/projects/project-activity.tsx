import type { Expense, TimeEntry } from '@tessera/contracts';
import { Badge } from '../../../components/ui/badge';
import { Card, CardHeader } from '../../../components/ui/card';
import { DataTable } from '../../../components/ui/data-table';
import { formatDate } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { useExpenses } from '../api/expenses';
import { useProjectTime } from '../api/timesheets';
import { statusTone } from '../timesheets/timesheet-page';

const day = (value: string) => formatDate(`${value}T00:00`);

/** The project's booked time (the latest 100 entries the viewer may see). */
export function ProjectTime({
  projectId,
  personName,
}: {
  projectId: string;
  personName: (id: string) => string;
}) {
  const time = useProjectTime(projectId);
  return (
    <Card>
      <CardHeader title="Time" description="The latest entries booked on this project." />
      <DataTable<TimeEntry>
        label="Time entries"
        rows={time.data}
        isLoading={time.isPending}
        error={time.error}
        onRetry={() => void time.refetch()}
        rowKey={(t) => t.id}
        empty="No time booked yet."
        data-testid="project-time"
        columns={[
          { key: 'date', header: 'Date', cell: (t) => day(t.date) },
          { key: 'member', header: 'Member', cell: (t) => personName(t.userId) },
          { key: 'hours', header: 'Hours', className: 'tabular-nums', cell: (t) => `${t.hours} h` },
          { key: 'billable', header: 'Billable', cell: (t) => (t.billable ? 'Yes' : 'No') },
          { key: 'note', header: 'Note', cell: (t) => t.note ?? '' },
        ]}
      />
    </Card>
  );
}

/** The project's expenses with their approval state. */
export function ProjectExpenses({
  projectId,
  personName,
}: {
  projectId: string;
  personName: (id: string) => string;
}) {
  const expenses = useExpenses({ projectId });
  return (
    <Card>
      <CardHeader title="Expenses" />
      <DataTable<Expense>
        label="Expenses"
        rows={expenses.data}
        isLoading={expenses.isPending}
        error={expenses.error}
        onRetry={() => void expenses.refetch()}
        rowKey={(e) => e.id}
        empty="No expenses on this project yet."
        data-testid="project-expenses"
        columns={[
          { key: 'date', header: 'Date', cell: (e) => day(e.date) },
          { key: 'member', header: 'Member', cell: (e) => personName(e.userId) },
          { key: 'category', header: 'Category', cell: (e) => e.category },
          {
            key: 'amount',
            header: 'Amount',
            className: 'text-right tabular-nums whitespace-nowrap',
            cell: (e) => formatMoney(e.expenseAmountCents, e.currency),
          },
          {
            key: 'status',
            header: 'Status',
            cell: (e) => <Badge tone={statusTone(e.status)}>{humanize(e.status)}</Badge>,
          },
        ]}
      />
    </Card>
  );
}
