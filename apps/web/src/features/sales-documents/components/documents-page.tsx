import { INVOICE_STATUSES, QUOTE_STATUSES, type SalesDocument } from '@tessera/contracts';
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
import { formatMoney, parseMoneyToCents } from '../../../lib/records/money';
import { type DocumentKindPath, documentRecords } from '../api/documents';
import { DocumentStatus, statusLabel } from './document-status';

const TEXT = {
  invoices: {
    title: 'Invoices',
    noun: 'invoices',
    one: 'invoice',
    create: 'invoices.manage',
    statuses: INVOICE_STATUSES,
  },
  quotes: {
    title: 'Quotes',
    noun: 'quotes',
    one: 'quote',
    create: 'quotes.manage',
    statuses: QUOTE_STATUSES,
  },
} as const;

function columns(kind: DocumentKindPath): GridColumn<SalesDocument>[] {
  return [
    {
      key: 'number',
      label: 'Number',
      header: 'Number',
      sortField: 'number',
      cell: (d) => (
        <Link
          to={`/${kind}/${d.id}`}
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          {d.number ?? 'Draft'}
        </Link>
      ),
    },
    { key: 'customer', label: 'Customer', header: 'Customer', cell: (d) => d.customer.name ?? '—' },
    { key: 'status', label: 'Status', header: 'Status', cell: (d) => <DocumentStatus status={d.status} /> },
    {
      key: 'issueDate',
      label: 'Date',
      header: 'Date',
      sortField: 'issueDate',
      className: 'whitespace-nowrap',
      cell: (d) => formatDate(d.issueDate),
    },
    {
      key: 'dueDate',
      label: kind === 'quotes' ? 'Valid until' : 'Due',
      header: kind === 'quotes' ? 'Valid until' : 'Due',
      sortField: 'dueDate',
      className: 'whitespace-nowrap',
      cell: (d) => (d.dueDate ? formatDate(d.dueDate) : '—'),
    },
    {
      key: 'totalCents',
      label: 'Total',
      header: 'Total',
      sortField: 'totalCents',
      className: 'text-right tabular-nums whitespace-nowrap',
      cell: (d) => formatMoney(d.totalCents, d.currency),
    },
    ...(kind === 'invoices'
      ? [
          {
            key: 'balanceCents',
            label: 'Open',
            header: 'Open',
            className: 'text-right tabular-nums whitespace-nowrap',
            cell: (d: SalesDocument) => formatMoney(d.balanceCents, d.currency),
          },
        ]
      : []),
  ];
}

/** `/invoices` and `/quotes`: the grid (sort, filters by status / date / amount, search by number or customer). */
export function DocumentsPage({ kind }: { kind: DocumentKindPath }) {
  const text = TEXT[kind];
  useDocumentTitle(text.title);
  const navigate = useNavigate();
  const canCreate = usePermission(text.create);
  const canRecurring = usePermission('recurring_invoices.view');
  const config = useMemo((): RecordListConfig<SalesDocument> => {
    const specs = [
      {
        key: 'status',
        label: 'Status',
        kind: 'multi' as const,
        options: text.statuses.map((s) => ({ value: s, label: statusLabel(s) })),
      },
      { key: 'issuedFrom', label: 'Issued from', kind: 'date' as const },
      { key: 'issuedTo', label: 'Issued to', kind: 'date' as const },
      {
        key: 'minTotalCents',
        label: 'Total at least',
        kind: 'number' as const,
        toParam: (v: string) => {
          const cents = parseMoneyToCents(v);
          return cents === undefined || Number.isNaN(cents) ? undefined : String(cents);
        },
      },
    ];
    const cols = columns(kind);
    return {
      grid: kind,
      label: text.title,
      noun: text.noun,
      searchLabel: 'Search by number or customer',
      specs,
      defaultSort: '-createdAt',
      columns: cols,
      defaultColumns: cols.map((c) => c.key),
      rowKey: (d) => d.id,
      rowLabel: (d) => d.number ?? 'Draft',
      queryOptions: (state) => documentRecords[kind].listOptions(state, specs),
    };
  }, [kind, text]);
  return (
    <>
      <PageHeader
        title={text.title}
        description={
          kind === 'invoices'
            ? 'Invoice customers and follow up on payments.'
            : 'Build quotes and send them for approval.'
        }
        actions={
          <>
            {kind === 'invoices' && canRecurring ? (
              <Button variant="secondary" onClick={() => void navigate('/recurring-invoices')}>
                Recurring
              </Button>
            ) : null}
            {canCreate ? <Button onClick={() => void navigate(`/${kind}/new`)}>New {text.one}</Button> : null}
          </>
        }
      />
      <RecordListView
        list={useRecordList(config)}
        emptyState={
          <EmptyState
            icon={<ListIcon />}
            title={`No ${text.noun} yet`}
            description={`Create a ${text.one} from your products.`}
          />
        }
      />
    </>
  );
}
