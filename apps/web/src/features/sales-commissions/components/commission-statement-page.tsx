import type { CommissionStatement } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody } from '../../../components/ui/card';
import { type Column, DataTable } from '../../../components/ui/data-table';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { useCommissionStatement } from '../api/commissions';
import { bpToPercent, monthOf } from '../rule-form';
import type { Option } from './commission-rule-dialog';

type Line = CommissionStatement['lines'][number];

const REASONS: Record<string, string> = {
  payment_recorded: 'Payment',
  payment_deleted: 'Payment deleted',
  credited: 'Credit note',
};
const reasonLabel = (reason: string) => REASONS[reason] ?? reason.replaceAll('_', ' ');

const columns: Column<Line>[] = [
  { key: 'date', header: 'Date', className: 'whitespace-nowrap', cell: (l) => formatDate(l.createdAt) },
  {
    key: 'invoice',
    header: 'Invoice',
    className: 'whitespace-nowrap',
    cell: (l) => (
      <Link
        to={`/invoices/${l.invoiceId}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {l.invoiceNumber ?? 'Draft invoice'}
      </Link>
    ),
  },
  { key: 'rule', header: 'Rule', cell: (l) => l.ruleName },
  { key: 'reason', header: 'Reason', cell: (l) => reasonLabel(l.reason) },
  {
    key: 'base',
    header: 'Paid net',
    className: 'text-right tabular-nums whitespace-nowrap',
    cell: (l) => formatMoney(l.baseCents),
  },
  {
    key: 'rate',
    header: 'Rate',
    className: 'text-right tabular-nums whitespace-nowrap',
    cell: (l) => `${bpToPercent(l.rateBp)} %`,
  },
  {
    key: 'amount',
    header: 'Commission',
    className: 'text-right tabular-nums whitespace-nowrap font-medium',
    cell: (l) => formatMoney(l.amountCents),
  },
];

/**
 * `/commissions` (commissions.view): an agent's commission lines between two days — yours, or with
 * commissions.manage anyone's — with the invoices they came from, the rules and the totals.
 */
export function CommissionStatementPage({ agents }: { agents?: readonly Option[] }) {
  useDocumentTitle('Commissions');
  const canManage = usePermission('commissions.manage');
  const [range, setRange] = useState(() => monthOf(new Date()));
  const [userId, setUserId] = useState('');
  const valid = Boolean(range.from && range.to && range.from <= range.to);
  const statement = useCommissionStatement({ ...range, ...(userId ? { userId } : {}) }, valid);
  const data = statement.data;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Commissions"
        description="Commission earned on paid invoices; a deleted payment or a credit note gives back what it earned."
      />
      <div className="grid grid-cols-2 items-start gap-3 sm:flex sm:flex-wrap">
        <TextField
          label="From"
          type="date"
          value={range.from}
          max={range.to || undefined}
          onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
          fieldClassName="sm:w-44"
        />
        <TextField
          label="To"
          type="date"
          value={range.to}
          min={range.from || undefined}
          error={valid ? undefined : 'Choose a first day on or before the last day'}
          onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
          fieldClassName="sm:w-44"
        />
        {canManage ? (
          <SelectField
            label="Agent"
            value={userId}
            placeholder="Me"
            options={(agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={(e) => setUserId(e.target.value)}
            fieldClassName="col-span-2 sm:w-64"
          />
        ) : null}
      </div>
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        <Total label="Paid net" value={data ? formatMoney(data.totals.baseCents) : undefined} />
        <Total label="Commission" value={data ? formatMoney(data.totals.amountCents) : undefined} strong />
        <Total label="Lines" value={data ? String(data.lines.length) : undefined} />
      </div>
      <PhoneLines
        lines={valid ? data?.lines : []}
        loading={statement.isPending && valid}
        error={statement.error}
        onRetry={() => void statement.refetch()}
        valid={valid}
      />
      <div className="hidden md:block">
        <DataTable
          label="Commission lines"
          columns={columns}
          rows={valid ? data?.lines : []}
          rowKey={(l) => l.id}
          isLoading={statement.isPending && valid}
          error={statement.error}
          onRetry={() => void statement.refetch()}
          empty={valid ? 'No commission in this period.' : 'Choose a valid period.'}
          footer={
            data && data.lines.length > 0 ? (
              <div className="flex flex-wrap justify-end gap-x-6 gap-y-1 text-sm tabular-nums">
                <span>
                  Paid net <span className="font-medium">{formatMoney(data.totals.baseCents)}</span>
                </span>
                <span>
                  Commission <span className="font-semibold">{formatMoney(data.totals.amountCents)}</span>
                </span>
              </div>
            ) : null
          }
        />
      </div>
    </div>
  );
}

/** A phone: one card per line (the table needs seven columns). */
function PhoneLines({
  lines,
  loading,
  error,
  onRetry,
  valid,
}: {
  lines: Line[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  valid: boolean;
}) {
  if (error) return <ErrorAlert error={error} onRetry={onRetry} className="md:hidden" />;
  if (loading || !lines) return <Skeleton className="h-24 md:hidden" />;
  if (lines.length === 0)
    return (
      <p className="py-6 text-center text-sm text-zinc-500 md:hidden dark:text-zinc-400">
        {valid ? 'No commission in this period.' : 'Choose a valid period.'}
      </p>
    );
  return (
    <ul
      aria-label="Commission lines"
      className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white md:hidden dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {lines.map((l) => (
        <li key={l.id} className="px-4 py-3 text-sm">
          <div className="flex justify-between gap-3">
            <Link
              to={`/invoices/${l.invoiceId}`}
              className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {l.invoiceNumber ?? 'Draft invoice'}
            </Link>
            <span className="font-medium tabular-nums">{formatMoney(l.amountCents)}</span>
          </div>
          <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">
            {formatDate(l.createdAt)} · {reasonLabel(l.reason)} · {l.ruleName}
          </p>
          <p className="tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatMoney(l.baseCents)} × {bpToPercent(l.rateBp)} %
          </p>
        </li>
      ))}
    </ul>
  );
}

function Total({ label, value, strong }: { label: string; value: string | undefined; strong?: boolean }) {
  return (
    <Card>
      <CardBody className="px-3 py-3 sm:px-5">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          {label}
        </p>
        <p
          className={`mt-1 tabular-nums ${strong ? 'text-base font-semibold sm:text-xl' : 'text-base sm:text-lg'}`}
          aria-live="polite"
        >
          {value ?? '…'}
        </p>
      </CardBody>
    </Card>
  );
}
