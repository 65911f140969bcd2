import type { SalesDocument } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RecordPanels } from '../../../components/records/record-panels';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import {
  type DocumentKindPath,
  documentRecords,
  useDocumentCustomer,
  useDocumentPost,
} from '../api/documents';
import { DeliveryNotesCard } from './delivery-notes-card';
import { ActionDialog, ConvertDialog, PaymentDialog, SendDialog } from './document-dialogs';
import { DocumentFiles } from './document-files';
import { DocumentLinesCard } from './document-lines';
import { PaymentsCard } from './document-payments';
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
  const can = {
    manage: usePermission(kind === 'invoices' ? 'invoices.manage' : 'quotes.manage'),
    issue: usePermission('invoices.issue'),
    send: usePermission(kind === 'invoices' ? 'invoices.send' : 'quotes.send'),
    void: usePermission('invoices.void'),
    pay: usePermission('payments.create'),
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
      <DocumentLinesCard doc={doc} />
      <DocumentFiles
        kind={kind}
        id={doc.id}
        number={doc.number}
        revision={`${doc.updatedAt}/${doc.balanceCents}`}
      />
      <DeliveryNotesCard kind={kind} id={doc.id} status={doc.status} />
      {kind === 'invoices' && doc.status !== 'draft' ? <PaymentsCard doc={doc} /> : null}
      <RecordPanels type={kind === 'invoices' ? 'invoice' : 'quote'} id={doc.id} />
    </div>
  );
}
