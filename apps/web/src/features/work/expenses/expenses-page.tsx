import { APPROVAL_STATUSES, type Expense, expenseCreateInput } from '@tessera/contracts';
import { useMemo } from 'react';
import type { GridColumn } from '../../../components/records/data-grid';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { Badge } from '../../../components/ui/badge';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { enumOptions, humanize } from '../../../lib/records/labels';
import type { FilterSpec } from '../../../lib/records/list-query';
import { formatMoney } from '../../../lib/records/money';
import { expenseRecords } from '../api/expenses';
import { openProjects, projectLabel, useProjectOptions } from '../api/projects';
import { statusTone } from '../timesheets/timesheet-page';
import { ExpenseActions } from './expense-actions';
import { expenseFields, expenseValues, toExpenseInput } from './expense-form';

/** `/expenses`: my expenses (everyone's with expenses.manage) in the grid, "New expense", submit drafts. */
export function ExpensesPage({ directory }: { directory: PeopleDirectory }) {
  const me = useSession();
  const canCreate = usePermission('expenses.create');
  const canManage = usePermission('expenses.manage');
  const create = expenseRecords.useCreate();
  const projects = useProjectOptions();
  const projectOptions = useMemo(
    () => openProjects(projects.data).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
    [projects.data],
  );
  const config = useMemo((): RecordListConfig<Expense> => {
    const specs: FilterSpec[] = [
      { key: 'status', label: 'Status', kind: 'select', options: enumOptions(APPROVAL_STATUSES) },
      { key: 'projectId', label: 'Project', kind: 'select', options: projectOptions },
      ...(canManage
        ? [
            {
              key: 'userId',
              label: 'Member',
              kind: 'select' as const,
              options: [{ value: 'me', label: 'Me' }],
            },
          ]
        : []),
    ];
    const columns: GridColumn<Expense>[] = [
      {
        key: 'date',
        label: 'Date',
        header: 'Date',
        sortField: 'date',
        cell: (e) => formatDate(`${e.date}T00:00`),
      },
      {
        key: 'member',
        label: 'Member',
        header: 'Member',
        cell: (e) => (e.userId === me.user.id ? 'Me' : personName(directory, e.userId)),
      },
      {
        key: 'project',
        label: 'Project',
        header: 'Project',
        cell: (e) => projectLabel(projects.data, e.projectId),
      },
      {
        key: 'category',
        label: 'Category',
        header: 'Category',
        cell: (e) => <span className="font-medium">{e.category}</span>,
      },
      {
        key: 'amount',
        label: 'Amount',
        header: 'Amount',
        className: 'text-right tabular-nums whitespace-nowrap',
        cell: (e) => formatMoney(e.expenseAmountCents, e.currency),
      },
      {
        key: 'tax',
        label: 'Tax',
        header: 'Tax',
        className: 'text-right tabular-nums whitespace-nowrap',
        cell: (e) => formatMoney(e.expenseTaxCents, e.currency),
      },
      {
        key: 'billable',
        label: 'Billable',
        header: 'Billable',
        cell: (e) => (e.billable ? (e.invoicedAt ? 'Yes · invoiced' : 'Yes') : 'No'),
      },
      {
        key: 'status',
        label: 'Status',
        header: 'Status',
        cell: (e) => (
          <span title={e.reason ?? undefined}>
            <Badge tone={statusTone(e.status)}>{humanize(e.status)}</Badge>
            {e.status === 'rejected' && e.reason ? (
              <span className="ml-2 text-xs text-zinc-500">{e.reason}</span>
            ) : null}
          </span>
        ),
      },
      { key: 'note', label: 'Note', header: 'Note', cell: (e) => e.note ?? '' },
      {
        key: 'actions',
        label: 'Actions',
        header: <span className="sr-only">Actions</span>,
        cell: (e) => (
          <ExpenseActions expense={e} mine={e.userId === me.user.id} projectOptions={projectOptions} />
        ),
      },
    ];
    return {
      grid: 'expenses',
      label: 'Expenses',
      noun: 'expenses',
      searchLabel: '', // the expenses API has no text search
      specs,
      defaultSort: '-date',
      columns,
      defaultColumns: ['date', 'member', 'project', 'category', 'amount', 'billable', 'status', 'actions'],
      rowKey: (e) => e.id,
      rowLabel: (e) => `${e.category} ${e.date}`,
      queryOptions: (state) => expenseRecords.listOptions(state, specs),
    };
  }, [projectOptions, projects.data, canManage, directory, me.user.id]);
  const fields = expenseFields(projectOptions);
  return (
    <RecordListPage
      title="Expenses"
      description="Costs spent on projects: attach the receipt, submit them for approval, then they are reimbursed."
      list={useRecordList(config)}
      emptyTitle="No expenses yet"
      emptyDescription="Record a cost you paid for a project, then submit it for approval."
      newRecord={
        canCreate
          ? {
              label: 'New expense',
              submitLabel: 'Save expense',
              schema: expenseCreateInput,
              fields,
              initialValues: expenseValues(),
              toInput: toExpenseInput,
              create: async (input) => {
                await create.mutateAsync(input);
                return '/expenses';
              },
            }
          : undefined
      }
    />
  );
}
