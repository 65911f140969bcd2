import type {
  InvoiceExpenseLine,
  InvoiceTimeInput,
  InvoiceTimeLine,
  InvoiceTimeResult,
  Project,
} from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button, buttonClasses } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { CheckboxField } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { useInvoiceTime, useInvoiceTimePreview } from '../api/projects';

const GROUPINGS = [
  { value: 'member_task', label: 'Per member and task' },
  { value: 'rate', label: 'Per hourly rate' },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Invoice billable work": the approved, billable, not yet invoiced time and expenses of the project (optionally
 * within a period) as the lines of one draft invoice for its client — shown first (with what would stop it: an
 * expense in another currency, a tax no rate gives), made on confirmation, then linked.
 */
export function InvoiceTimeDialog({
  project,
  open,
  onClose,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<NonNullable<InvoiceTimeInput['groupBy']>>('member_task');
  const [withExpenses, setWithExpenses] = useState(true);
  const [made, setMade] = useState<InvoiceTimeResult | null>(null);
  const badPeriod = from !== '' && to !== '' && from > to;
  const query: InvoiceTimeInput = {
    groupBy,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(withExpenses ? {} : { expenses: 'exclude' as const }),
  };
  const preview = useInvoiceTimePreview(project.id, query, open && !made && !badPeriod);
  const invoice = useInvoiceTime(project.id);
  const data = preview.data;
  const empty = !!data && data.lines.length === 0 && data.expenseLines.length === 0;
  const money = (cents: number | undefined) => formatMoney(cents, project.currency);
  const close = () => {
    setMade(null);
    invoice.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Invoice billable work" size="lg" data-testid="invoice-time">
      {made ? (
        <div className="space-y-4">
          <Alert tone="success" title="Draft invoice created">
            {plural(made.lines.length + made.expenseLines.length, 'line', 'lines')}, {made.hours} h
            {made.amountCents !== undefined ? ` · ${money(made.amountCents)} before tax` : ''}. The{' '}
            {plural(made.entries, 'time entry', 'time entries')}
            {made.expenses ? ` and ${plural(made.expenses, 'expense', 'expenses')}` : ''}{' '}
            {made.entries + made.expenses === 1 ? 'is' : 'are'} marked invoiced.
          </Alert>
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Close
            </Button>
            <Link className={buttonClasses({})} to={`/invoices/${made.invoiceId}`}>
              Open the draft invoice
            </Link>
          </DialogFooter>
        </div>
      ) : (
        <form
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            invoice.mutateAsync(query).then(setMade, () => undefined);
          }}
        >
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Approved billable time and expenses not invoiced yet become one draft invoice for the project’s
            client: time at the project’s hourly rates, each expense at its amount before tax with its tax.
            Each hour and expense is invoiced once.
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <TextField
              label="To"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              error={badPeriod ? 'Before the start' : undefined}
            />
            <SelectField
              label="Lines"
              options={GROUPINGS}
              value={groupBy}
              onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}
            />
          </div>
          <CheckboxField
            label="Include approved billable expenses"
            checked={withExpenses}
            onChange={(e) => setWithExpenses(e.target.checked)}
          />
          {!project.companyId ? (
            <Alert tone="warning" title="No client">
              Set the project’s client company before invoicing its time.
            </Alert>
          ) : null}
          {data?.blockers.length ? (
            <Alert tone="warning" title="Cannot invoice the expenses yet">
              <ul className="list-disc pl-4">
                {data.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
              <p className="mt-1">Or leave the expenses out of this invoice.</p>
            </Alert>
          ) : null}
          {invoice.error ? <ErrorAlert error={invoice.error} title="Not invoiced" /> : null}
          <DataTable<InvoiceTimeLine>
            label="Invoice lines"
            rows={badPeriod ? [] : data?.lines}
            isLoading={!badPeriod && preview.isPending}
            error={preview.error}
            onRetry={() => void preview.refetch()}
            rowKey={(l) => `${l.userId ?? ''}|${l.taskId ?? ''}|${l.rateCents ?? ''}|${l.description}`}
            empty="No approved billable time is left uninvoiced in this period."
            data-testid="invoice-time-lines"
            columns={[
              { key: 'description', header: 'Line', cell: (l) => l.description },
              { key: 'hours', header: 'Hours', className: 'tabular-nums', cell: (l) => `${l.hours} h` },
              ...(data?.amountCents !== undefined
                ? [
                    {
                      key: 'rate',
                      header: 'Rate',
                      className: 'tabular-nums',
                      cell: (l: InvoiceTimeLine) => money(l.rateCents),
                    },
                    {
                      key: 'amount',
                      header: 'Amount',
                      className: 'tabular-nums',
                      cell: (l: InvoiceTimeLine) => money(l.amountCents),
                    },
                  ]
                : []),
            ]}
          />
          {data && data.expenseLines.length > 0 ? (
            <DataTable<InvoiceExpenseLine>
              label="Expense lines"
              rows={data.expenseLines}
              rowKey={(l) => l.expenseId}
              data-testid="invoice-expense-lines"
              columns={[
                { key: 'description', header: 'Expense', cell: (l) => l.description },
                { key: 'date', header: 'Date', cell: (l) => formatDate(`${l.date}T00:00`) },
                ...(data.amountCents !== undefined
                  ? [
                      {
                        key: 'amount',
                        header: 'Before tax',
                        className: 'tabular-nums',
                        cell: (l: InvoiceExpenseLine) => formatMoney(l.amountCents, l.currency),
                      },
                      {
                        key: 'tax',
                        header: 'Tax',
                        className: 'tabular-nums',
                        cell: (l: InvoiceExpenseLine) =>
                          `${formatMoney(l.taxCents, l.currency)}${l.taxRateBp === null ? '' : ` (${l.taxRateBp / 100} %)`}`,
                      },
                    ]
                  : []),
              ]}
            />
          ) : null}
          {empty ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Nothing to invoice: no approved billable time or expense is left uninvoiced in this period.
            </p>
          ) : null}
          {data && !empty ? (
            <p className="text-sm font-medium tabular-nums" data-testid="invoice-time-total">
              {data.hours} h from {plural(data.entries, 'entry', 'entries')}
              {data.expenses ? ` and ${plural(data.expenses, 'expense', 'expenses')}` : ''}
              {data.amountCents !== undefined ? ` · ${money(data.amountCents)} before tax` : ''}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              disabled={
                invoice.isPending ||
                badPeriod ||
                !project.companyId ||
                !data ||
                empty ||
                data.blockers.length > 0
              }
            >
              {invoice.isPending ? <Spinner /> : null}
              Create draft invoice
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
