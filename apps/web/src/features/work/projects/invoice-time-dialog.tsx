import type { InvoiceTimeInput, InvoiceTimeLine, InvoiceTimeResult, Project } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button, buttonClasses } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { Spinner } from '../../../components/ui/spinner';
import { formatMoney } from '../../../lib/records/money';
import { useInvoiceTime, useInvoiceTimePreview } from '../api/projects';

const GROUPINGS = [
  { value: 'member_task', label: 'Per member and task' },
  { value: 'rate', label: 'Per hourly rate' },
];

/**
 * "Invoice billable time": the approved, billable, not yet invoiced time of the project (optionally within a
 * period) as the lines of a draft invoice for its client — shown first, made on confirmation, then linked.
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
  const [made, setMade] = useState<InvoiceTimeResult | null>(null);
  const badPeriod = from !== '' && to !== '' && from > to;
  const query: InvoiceTimeInput = { groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const preview = useInvoiceTimePreview(project.id, query, open && !made && !badPeriod);
  const invoice = useInvoiceTime(project.id);
  const data = preview.data;
  const money = (cents: number | undefined) => formatMoney(cents, project.currency);
  const close = () => {
    setMade(null);
    invoice.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Invoice billable time" size="lg" data-testid="invoice-time">
      {made ? (
        <div className="space-y-4">
          <Alert tone="success" title="Draft invoice created">
            {made.lines.length} {made.lines.length === 1 ? 'line' : 'lines'}, {made.hours} h
            {made.amountCents !== undefined ? ` · ${money(made.amountCents)} before tax` : ''}. The{' '}
            {made.entries} time {made.entries === 1 ? 'entry is' : 'entries are'} marked invoiced.
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
            Approved billable time not invoiced yet becomes a draft invoice for the project’s client, at the
            project’s hourly rates. Each hour is invoiced once.
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
          {!project.companyId ? (
            <Alert tone="warning" title="No client">
              Set the project’s client company before invoicing its time.
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
            empty="Nothing to invoice: no approved billable time is left uninvoiced in this period."
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
          {data && data.lines.length > 0 ? (
            <p className="text-sm font-medium tabular-nums" data-testid="invoice-time-total">
              {data.hours} h from {data.entries} {data.entries === 1 ? 'entry' : 'entries'}
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
                invoice.isPending || badPeriod || !project.companyId || !data || data.lines.length === 0
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
