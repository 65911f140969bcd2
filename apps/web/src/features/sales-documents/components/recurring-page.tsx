import { useQueryClient } from '@tanstack/react-query';
import { type RecurringInvoice, upcomingDates } from '@tessera/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { recurringRecords, useRecurringRuns, useRunNow } from '../api/recurring';
import { ActionDialog } from './document-dialogs';
import { RecurringStatus, scheduleLabel } from './recurring-status';

/** `/recurring-invoices/:id`: the schedule, the next dates, the invoices made, and the template's actions. */
export function RecurringPage() {
  const { id = '' } = useParams();
  const record = recurringRecords.useRecord(id);
  useDocumentTitle(record.data?.name ?? 'Recurring invoice');
  if (record.isPending) return <Skeleton className="h-96" />;
  if (record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  return <TemplateView tpl={record.data} />;
}

function TemplateView({ tpl }: { tpl: RecurringInvoice }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const runs = useRecurringRuns(tpl.id);
  const runNow = useRunNow(tpl.id);
  const pause = recurringRecords.useAction<{ version?: number }>(
    tpl.status === 'paused' ? 'resume' : 'pause',
  );
  const can = {
    manage: usePermission('recurring_invoices.manage'),
    run: usePermission('recurring_invoices.run'),
  };
  const next = upcomingDates(tpl, tpl.generatedCount, 3);
  const remove = async () => {
    await api.delete(v1(`recurring-invoices/${tpl.id}`));
    await client.invalidateQueries({ queryKey: ['recurring-invoices'] });
    void navigate('/recurring-invoices');
  };
  return (
    <div className="space-y-4">
      <PageHeader
        title={tpl.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RecurringStatus status={tpl.status} />
            <span>{tpl.customer.name ?? tpl.customer.email ?? 'No customer'}</span>
            <Link to="/recurring-invoices" className="text-indigo-600 hover:underline dark:text-indigo-400">
              All recurring invoices
            </Link>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {can.run && tpl.status !== 'ended' ? (
              <ActionDialog
                label="Run now"
                title="Make the next invoice now?"
                submitLabel="Make invoice"
                variant="primary"
                submit={() => runNow.mutateAsync()}
              >
                <p className="text-sm">
                  The invoice of {next[0] ? formatDate(next[0]) : 'the next period'} is made today
                  {tpl.autoSend ? ', issued and e-mailed' : tpl.autoIssue ? ' and issued' : ' as a draft'}.
                  The schedule moves on to the period after it.
                </p>
              </ActionDialog>
            ) : null}
            {can.manage && tpl.status !== 'ended' ? (
              <Button variant="secondary" onClick={() => void pause.mutateAsync({ id: tpl.id })}>
                {tpl.status === 'paused' ? 'Resume' : 'Pause'}
              </Button>
            ) : null}
            {can.manage ? (
              <Button variant="secondary" onClick={() => void navigate(`/recurring-invoices/${tpl.id}/edit`)}>
                Edit
              </Button>
            ) : null}
            {can.manage ? (
              <ActionDialog
                label="Delete"
                title="Delete this template?"
                submitLabel="Delete"
                variant="danger"
                submit={remove}
              >
                <p className="text-sm">No more invoices are made. The invoices it made stay.</p>
              </ActionDialog>
            ) : null}
          </div>
        }
      />
      {pause.error ? <ErrorAlert error={pause.error} /> : null}
      <Card>
        <CardBody className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <div className="text-zinc-500">Schedule</div>
            {scheduleLabel(tpl)} from {formatDate(tpl.startDate)}
            {tpl.endDate ? ` until ${formatDate(tpl.endDate)}` : ''}
            {tpl.maxCount ? ` · ${tpl.maxCount} invoices` : ''}
          </div>
          <div>
            <div className="text-zinc-500">Next invoices</div>
            <span data-testid="next-dates">
              {next.length ? next.map((d) => formatDate(d)).join(', ') : '—'}
            </span>
          </div>
          <div>
            <div className="text-zinc-500">Amount (as saved)</div>
            <span className="tabular-nums">{formatMoney(tpl.totalCents, tpl.currency)}</span>
          </div>
          <div>
            <div className="text-zinc-500">Then</div>
            {tpl.autoSend ? 'Issued and e-mailed' : tpl.autoIssue ? 'Issued' : 'Left as a draft'}
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Lines" />
        <CardBody>
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {tpl.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: template lines have no id; the list never reorders
              <li key={i} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{l.description ?? 'Product'}</span>
                <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                  {l.quantity} {l.unit ?? ''}
                  {l.unitPriceCents !== undefined ? ` × ${formatMoney(l.unitPriceCents, tpl.currency)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Invoices made" />
        <CardBody>
          {runs.isPending ? (
            <Skeleton className="h-10" />
          ) : runs.error ? (
            <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
          ) : runs.data.length === 0 ? (
            <p className="text-sm text-zinc-500">No invoices yet.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Invoices made">
              {runs.data.map((r) => (
                <li key={r.periodIndex} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>Period of {formatDate(r.periodDate)}</span>
                  {r.invoiceId ? (
                    <Link
                      to={`/invoices/${r.invoiceId}`}
                      className="text-indigo-600 hover:underline dark:text-indigo-400"
                    >
                      Open invoice
                    </Link>
                  ) : (
                    <span className="text-zinc-500">—</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
