import { RECURRING_STATUSES, type RecurringInvoice } from '@tessera/contracts';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import {
  type RecordListConfig,
  RecordListView,
  useRecordList,
} from '../../../components/records/record-list-view';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { recurringRecords } from '../api/recurring';
import { RecurringStatus, scheduleLabel } from './recurring-status';

const COLUMNS: GridColumn<RecurringInvoice>[] = [
  {
    key: 'name',
    label: 'Name',
    header: 'Name',
    sortField: 'name',
    cell: (r) => (
      <Link
        to={`/recurring-invoices/${r.id}`}
        className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
      >
        {r.name}
      </Link>
    ),
  },
  { key: 'status', label: 'Status', header: 'Status', cell: (r) => <RecurringStatus status={r.status} /> },
  { key: 'schedule', label: 'Schedule', header: 'Schedule', cell: (r) => scheduleLabel(r) },
  {
    key: 'nextDate',
    label: 'Next invoice',
    header: 'Next invoice',
    sortField: 'nextDate',
    className: 'whitespace-nowrap',
    cell: (r) => (r.nextDate ? formatDate(r.nextDate) : '—'),
  },
  {
    key: 'generatedCount',
    label: 'Made',
    header: 'Made',
    className: 'text-right tabular-nums',
    cell: (r) => r.generatedCount,
  },
  {
    key: 'totalCents',
    label: 'Amount',
    header: 'Amount',
    className: 'text-right tabular-nums whitespace-nowrap',
    cell: (r) => formatMoney(r.totalCents, r.currency),
  },
];

/** `/recurring-invoices`: the templates (filter by status, search by name or customer). */
export function RecurringListPage() {
  useDocumentTitle('Recurring invoices');
  const navigate = useNavigate();
  const canCreate = usePermission('recurring_invoices.manage');
  const config = useMemo((): RecordListConfig<RecurringInvoice> => {
    const specs = [
      {
        key: 'status',
        label: 'Status',
        kind: 'select' as const,
        options: RECURRING_STATUSES.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) })),
      },
    ];
    return {
      grid: 'recurring-invoices',
      label: 'Recurring invoices',
      noun: 'recurring invoices',
      searchLabel: 'Search by name or customer',
      specs,
      defaultSort: '-createdAt',
      columns: COLUMNS,
      defaultColumns: COLUMNS.map((c) => c.key),
      rowKey: (r) => r.id,
      rowLabel: (r) => r.name,
      queryOptions: (state) => recurringRecords.listOptions(state, specs),
    };
  }, []);
  return (
    <>
      <PageHeader
        title="Recurring invoices"
        description="Templates that make an invoice every period — issued and e-mailed if you like."
        actions={
          canCreate ? (
            <Button onClick={() => void navigate('/recurring-invoices/new')}>New recurring invoice</Button>
          ) : null
        }
      />
      <RecordListView
        list={useRecordList(config)}
        emptyState={
          <EmptyState
            icon={<ListIcon />}
            title="No recurring invoices yet"
            description="Set up a template for retainers, subscriptions or maintenance contracts."
          />
        }
      />
    </>
  );
}
