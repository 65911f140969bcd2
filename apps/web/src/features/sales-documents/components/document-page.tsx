import type { SalesDocument } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RecordPanels } from '../../../components/records/record-panels';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import {
  type DocumentKindPath,
  documentRecords,
  useDeletePayment,
  useDocumentCustomer,
  useDocumentPost,
  usePayments,
} from '../api/documents';
import { DeliveryNotesCard } from './delivery-notes-card';
import { ActionDialog, ConvertDialog, PaymentDialog, SendDialog } from './document-dialogs';
import { DocumentFiles } from './document-files';
import { DocumentStatus } from './document-status';

const OPEN = ['issued', 'sent', 'partially_paid', 'overdue'];

/**
 * `/invoices/:id` and `/quotes/:id`: status, lines, totals, payments and the document's actions; `actions`
 * adds buttons composed by the app from other features (an invoice's "New job").
 */
export function DocumentPage({
  kind,
  actions,
}: {
  kind: DocumentKindPath;
  actions?: (doc: SalesDocument) => ReactNode;
}) {
  const { id = '' } = useParams();
  const record = documentRecords[kind].useRecord(id);
  useDocumentTitle(record.data?.number ?? (kind === 'invoices' ? 'Invoice' : 'Quote'));
  if (record.isPending) return <Skeleton className="h-96" />;
  if (record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  return <DocumentView kind={kind} doc={record.data} actions={actions} />;
}

function DocumentView({
  kind,
  doc,
  actions,
}: {
  kind: DocumentKindPath;
  doc: SalesDocument;
  actions?: ((doc: SalesDocument) => ReactNode) | undefined;
}) {
  const navigate = useNavigate();
  const money = (cents: number | undefined) => formatMoney(cents, doc.currency);
  const post = useDocumentPost<{ action: string; body?: object }>(
    (i) => `${kind}/${doc.id}/${i.action}`,
    (i) => i.body ?? {},
  );
  const payments = usePayments(doc.id, kind === 'invoices' && doc.status !== 'draft');
  const deletePayment = useDeletePayment();
  const can = {
    manage: usePermission(kind === 'invoices' ? 'invoices.manage' : 'quotes.manage'),
    issue: usePermission('invoices.issue'),
    send: usePermission(kind === 'invoices' ? 'invoices.send' : 'quotes.send'),
    void: usePermission('invoices.void'),
    pay: usePermission('payments.create'),
    deletePay: usePermission('payments.delete'),
    convert: usePermission('invoices.manage'),
    winDeal: usePermission('deals.update'),
  };
  const customer = useDocumentCustomer(doc);
  const run = (action: string, body?: object) => post.mutateAsync({ action, body });
  const open = doc.balanceCents ?? 0;
  const title = `${kind === 'invoices' ? 'Invoice' : 'Quote'} ${doc.number ?? '(draft)'}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="document-status">
              <DocumentStatus status={doc.status} />
            </span>
            <span>{customer.name ?? (customer.loading ? '…' : 'No customer yet')}</span>
            {doc.dealId ? (
              <Link
                to={`/deals/${doc.dealId}`}
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                Open deal
              </Link>
            ) : null}
            <Link to={`/${kind}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
              All {kind}
            </Link>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {actions?.(doc)}
            {doc.status === 'draft' && can.manage ? (
              <Button variant="secondary" onClick={() => void navigate(`/${kind}/${doc.id}/edit`)}>
                Edit
              </Button>
            ) : null}
            {kind === 'invoices' && doc.status === 'draft' && can.issue ? (
              <ActionDialog
                label="Issue"
                title="Issue this invoice?"
                submitLabel="Issue"
                submit={() => run('issue')}
              >
                <p className="text-sm">
                  It gets its number and can no longer be changed — only voided or credited.
                </p>
              </ActionDialog>
            ) : null}
            {can.send &&
            doc.status !== 'void' &&
            !['accepted', 'declined', 'invoiced', 'expired'].includes(doc.status) ? (
              <SendDialog
                label={doc.sentAt ? 'Send again' : 'Send'}
                defaultTo={customer.email ?? ''}
                send={(body) => run('send', body)}
              />
            ) : null}
            {kind === 'invoices' && OPEN.includes(doc.status) && can.pay ? (
              <PaymentDialog open={open} record={(body) => run('payments', body)} />
            ) : null}
            {kind === 'invoices' && OPEN.includes(doc.status) && can.issue ? (
              <ActionDialog
                label="Credit note"
                title="Credit the whole invoice?"
                submitLabel="Issue credit note"
                submit={() => run('credit-notes')}
              >
                <p className="text-sm">
                  A credit note with its own number reduces the open balance ({money(open)}).
                </p>
              </ActionDialog>
            ) : null}
            {kind === 'invoices' && OPEN.includes(doc.status) && can.void && (doc.paidCents ?? 0) === 0 ? (
              <ActionDialog
                label="Void"
                title="Void this invoice?"
                submitLabel="Void"
                variant="danger"
                submit={() => run('void')}
              >
                <p className="text-sm">The invoice keeps its number and stays on record as void.</p>
              </ActionDialog>
            ) : null}
            {kind === 'quotes' && doc.status === 'accepted' && can.convert ? (
              <ConvertDialog
                hasDeal={Boolean(doc.dealId)}
                canWinDeal={can.winDeal}
                convert={async (body) => {
                  const invoice = (await run('convert', body)) as { id: string };
                  void navigate(`/invoices/${invoice.id}`);
                }}
              />
            ) : null}
          </div>
        }
      />
      <Card>
        <CardBody className="grid gap-2 text-sm sm:grid-cols-4">
          <div>
            <div className="text-zinc-500">Date</div>
            {formatDate(doc.issueDate)}
          </div>
          <div>
            <div className="text-zinc-500">{kind === 'quotes' ? 'Valid until' : 'Due'}</div>
            {doc.dueDate ? formatDate(doc.dueDate) : '—'}
          </div>
          <div>
            <div className="text-zinc-500">Total</div>
            <span className="tabular-nums">{money(doc.totalCents)}</span>
          </div>
          {kind === 'invoices' ? (
            <div>
              <div className="text-zinc-500">Open balance</div>
              <span className="font-semibold tabular-nums" data-testid="open-balance">
                {money(doc.balanceCents)}
              </span>
            </div>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Lines" />
        {/* A phone gets one block per line; wider screens the table. */}
        <ul className="divide-y divide-zinc-100 text-sm sm:hidden dark:divide-zinc-800" aria-label="Lines">
          {(doc.lines ?? []).map((l) => (
            <li key={l.id} className="flex items-start justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <p className="[overflow-wrap:anywhere]">{l.description}</p>
                {l.sku ? (
                  <p className="font-mono text-xs text-zinc-500 [overflow-wrap:anywhere]">{l.sku}</p>
                ) : null}
                <p className="text-xs text-zinc-500 tabular-nums">
                  {l.quantity} {l.unit ?? ''} × {money(l.unitPriceCents)} · tax {l.taxRateBp / 100} %
                </p>
              </div>
              <span className="shrink-0 tabular-nums">{money(l.totalCents)}</span>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[560px] text-sm">
            <thead className="text-left text-xs text-zinc-500">
              <tr>
                <th className="p-2">Description</th>
                <th className="p-2 text-right">Qty</th>
                <th className="p-2 text-right">Unit price</th>
                <th className="p-2 text-right">Tax</th>
                <th className="p-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {(doc.lines ?? []).map((l) => (
                <tr key={l.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="p-2">
                    {l.description}
                    {l.sku ? <span className="ml-2 font-mono text-xs text-zinc-500">{l.sku}</span> : null}
                  </td>
                  <td className="p-2 text-right tabular-nums">
                    {l.quantity} {l.unit ?? ''}
                  </td>
                  <td className="p-2 text-right tabular-nums">{money(l.unitPriceCents)}</td>
                  <td className="p-2 text-right tabular-nums">{l.taxRateBp / 100} %</td>
                  <td className="p-2 text-right tabular-nums">{money(l.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CardBody>
          <dl className="ml-auto grid max-w-xs grid-cols-2 gap-y-1 text-sm tabular-nums">
            <dt className="text-zinc-500">Net</dt>
            <dd className="text-right">{money(doc.netCents)}</dd>
            {(doc.taxBreakdown ?? []).map((t) => (
              <div key={t.taxRateBp} className="contents">
                <dt className="text-zinc-500">Tax {t.taxRateBp / 100} %</dt>
                <dd className="text-right">{money(t.taxMinor)}</dd>
              </div>
            ))}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{money(doc.totalCents)}</dd>
            {(doc.creditedCents ?? 0) > 0 ? (
              <>
                <dt className="text-zinc-500">Credited</dt>
                <dd className="text-right">−{money(doc.creditedCents)}</dd>
              </>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <DocumentFiles
        kind={kind}
        id={doc.id}
        number={doc.number}
        revision={`${doc.updatedAt}/${doc.balanceCents}`}
      />
      <DeliveryNotesCard kind={kind} id={doc.id} status={doc.status} />
      {kind === 'invoices' && doc.status !== 'draft' ? (
        <Card>
          <CardHeader title="Payments" />
          <CardBody>
            {payments.isPending ? (
              <Skeleton className="h-10" />
            ) : payments.error ? (
              <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />
            ) : payments.data.length === 0 ? (
              <p className="text-sm text-zinc-500">No payments yet.</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                {payments.data.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {formatDate(p.paidOn)} · {p.method.replace('_', ' ')}
                      {p.reference ? ` · ${p.reference}` : ''}
                    </span>
                    <span className="flex items-center gap-2 tabular-nums">
                      {money(p.amountCents)}
                      {can.deletePay ? (
                        <Button
                          variant="ghost"
                          onClick={() => void deletePayment.mutateAsync(p.id)}
                          aria-label="Delete payment"
                        >
                          ×
                        </Button>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      ) : null}
      <RecordPanels type={kind === 'invoices' ? 'invoice' : 'quote'} id={doc.id} />
    </div>
  );
}
