import type { Expense, TimesheetWeekSummary } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { DataTable } from '../../../components/ui/data-table';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { formatMoney } from '../../../lib/records/money';
import { showToast } from '../../../stores/toast-store';
import { expenseRecords, useExpenses } from '../api/expenses';
import { projectLabel, useProjectOptions } from '../api/projects';
import { useApprovalQueue, useWeekAction } from '../api/timesheets';
import { RejectDialog } from './reject-dialog';

const hours = (value: number) => `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} h`;
const day = (iso: string) => formatDate(`${iso}T00:00`);

function WeekDecision({ week, name }: { week: TimesheetWeekSummary; name: string }) {
  const action = useWeekAction(week.userId, week.weekStart);
  const [rejecting, setRejecting] = useState(false);
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => setRejecting(true)}>
        Reject
      </Button>
      <Button
        size="sm"
        disabled={action.isPending}
        aria-label={`Approve ${name}, week of ${day(week.weekStart)}`}
        onClick={() =>
          action.mutate(
            { kind: 'approve', version: week.version },
            {
              onSuccess: () => showToast(`Approved ${name}’s week`, 'success'),
              onError: (error) => showToast(error.message, 'danger'),
            },
          )
        }
      >
        Approve
      </Button>
      <RejectDialog
        open={rejecting}
        what="week"
        onClose={() => setRejecting(false)}
        onReject={(reason) => action.mutateAsync({ kind: 'reject', version: week.version, reason })}
      />
    </div>
  );
}

function ExpenseDecision({ expense, name }: { expense: Expense; name: string }) {
  const approve = expenseRecords.useAction<{ version: number }>('approve');
  const reject = expenseRecords.useAction<{ version: number; reason: string }>('reject');
  const [rejecting, setRejecting] = useState(false);
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => setRejecting(true)}>
        Reject
      </Button>
      <Button
        size="sm"
        disabled={approve.isPending}
        aria-label={`Approve ${name}’s expense ${expense.category}`}
        onClick={() =>
          approve.mutate(
            { id: expense.id, version: expense.version },
            { onError: (error) => showToast(error.message, 'danger') },
          )
        }
      >
        Approve
      </Button>
      <RejectDialog
        open={rejecting}
        what="expense"
        onClose={() => setRejecting(false)}
        onReject={(reason) => reject.mutateAsync({ id: expense.id, version: expense.version, reason })}
      />
    </div>
  );
}

/**
 * `/approvals`: submitted weeks (open one to see its grid) and submitted expenses, oldest first, with
 * approve and reject (a reason). Your own never appear as decidable: the server refuses approving yourself.
 */
export function ApprovalsPage({ directory }: { directory: PeopleDirectory }) {
  useDocumentTitle('Approvals');
  const me = useSession();
  const canExpenses = usePermission('expenses.approve');
  const canWeeks = usePermission('timesheets.approve');
  const weeks = useApprovalQueue(canWeeks);
  const expenses = useExpenses({ status: 'submitted' }, canExpenses);
  const projects = useProjectOptions();
  const name = (id: string) => (id === me.user.id ? 'You' : personName(directory, id));
  const others = <T extends { userId: string }>(rows: T[] | undefined) =>
    rows?.filter((r) => r.userId !== me.user.id);
  return (
    <>
      <PageHeader title="Approvals" description="Weeks and expenses your team submitted, waiting for you." />
      <div className="space-y-6">
        {canWeeks ? (
          <Card>
            <CardHeader title="Timesheets" description="Open a week to see its days before you decide." />
            <DataTable<TimesheetWeekSummary>
              label="Submitted weeks"
              rows={others(weeks.data)}
              isLoading={weeks.isPending}
              error={weeks.error}
              onRetry={() => void weeks.refetch()}
              rowKey={(w) => `${w.userId}:${w.weekStart}`}
              empty="No week is waiting for approval."
              data-testid="week-queue"
              columns={[
                {
                  key: 'member',
                  header: 'Member',
                  cell: (w) => <span className="font-medium">{name(w.userId)}</span>,
                },
                {
                  key: 'week',
                  header: 'Week',
                  cell: (w) => (
                    <Link
                      className="text-indigo-600 hover:underline dark:text-indigo-400"
                      to={`/timesheet?user=${w.userId}&week=${w.weekStart}`}
                    >
                      {day(w.weekStart)}
                    </Link>
                  ),
                },
                {
                  key: 'hours',
                  header: 'Hours',
                  className: 'tabular-nums',
                  cell: (w) => hours(w.totals.hours),
                },
                {
                  key: 'billable',
                  header: 'Billable',
                  className: 'tabular-nums',
                  cell: (w) => hours(w.totals.billableHours),
                },
                {
                  key: 'actions',
                  header: <span className="sr-only">Decide</span>,
                  cell: (w) => <WeekDecision week={w} name={name(w.userId)} />,
                },
              ]}
            />
          </Card>
        ) : null}
        {canExpenses ? (
          <Card>
            <CardHeader title="Expenses" />
            <DataTable<Expense>
              label="Submitted expenses"
              rows={others(expenses.data)}
              isLoading={expenses.isPending}
              error={expenses.error}
              onRetry={() => void expenses.refetch()}
              rowKey={(e) => e.id}
              empty="No expense is waiting for approval."
              data-testid="expense-queue"
              columns={[
                {
                  key: 'member',
                  header: 'Member',
                  cell: (e) => <span className="font-medium">{name(e.userId)}</span>,
                },
                { key: 'date', header: 'Date', cell: (e) => day(e.date) },
                { key: 'project', header: 'Project', cell: (e) => projectLabel(projects.data, e.projectId) },
                { key: 'category', header: 'Category', cell: (e) => e.category },
                {
                  key: 'amount',
                  header: 'Amount',
                  className: 'text-right tabular-nums whitespace-nowrap',
                  cell: (e) => formatMoney(e.expenseAmountCents, e.currency),
                },
                {
                  key: 'actions',
                  header: <span className="sr-only">Decide</span>,
                  cell: (e) => <ExpenseDecision expense={e} name={name(e.userId)} />,
                },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
