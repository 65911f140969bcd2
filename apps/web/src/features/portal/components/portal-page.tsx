import type { PortalDocument, PortalPayment } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { focusRing } from '../../../components/ui/focus-ring';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { cn } from '../../../lib/cn';
import { formatDate } from '../../../lib/format';
import { saveBlob } from '../../../lib/records/download';
import { formatMoney } from '../../../lib/records/money';
import { showToast } from '../../../stores/toast-store';
import {
  fetchPortalPdf,
  type PortalKindPath,
  useDecideQuote,
  usePortalDocuments,
  usePortalMe,
  usePortalPayments,
} from '../api/portal';

const TABS = [
  { key: 'quotes', label: 'Quotes' },
  { key: 'invoices', label: 'Invoices' },
  { key: 'payments', label: 'Payments' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const TONES: Record<string, BadgeTone> = {
  sent: 'info',
  issued: 'info',
  partially_paid: 'warning',
  paid: 'success',
  overdue: 'danger',
  accepted: 'success',
  declined: 'danger',
  expired: 'neutral',
  invoiced: 'success',
};
const QUOTE_LABELS: Record<string, string> = { sent: 'Awaiting your answer' };
const statusLabel = (kind: string, status: string) =>
  (kind === 'quote' ? QUOTE_LABELS[status] : undefined) ??
  (status.charAt(0).toUpperCase() + status.slice(1)).replace('_', ' ');
const METHODS: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  cash: 'Cash',
  cheque: 'Cheque',
  direct_debit: 'Direct debit',
  other: 'Other',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** "PDF": fetched through the API client (session refresh, errors), then saved. */
function PdfButton({ kind, doc }: { kind: PortalKindPath; doc: PortalDocument }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchPortalPdf(kind, doc.id), `${doc.number ?? kind}.pdf`);
    } catch {
      showToast('The PDF could not be downloaded. Try again.', 'danger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" disabled={busy} onClick={() => void download()}>
      {busy ? 'Preparing…' : 'PDF'}
    </Button>
  );
}

function QuoteActions({ quote }: { quote: PortalDocument }) {
  const canRespond = usePermission('portal.respond');
  const decide = useDecideQuote();
  if (!canRespond || quote.status !== 'sent') return null;
  const run = (action: 'accept' | 'decline', done?: () => void) =>
    decide.mutate(
      { quote, action },
      {
        onSuccess: () => {
          showToast(
            action === 'accept' ? `Quote ${quote.number} accepted` : `Quote ${quote.number} declined`,
            'success',
          );
          done?.();
        },
        onError: () => {
          if (action === 'accept')
            showToast('The quote could not be accepted. Reload and try again.', 'danger');
        },
      },
    );
  return (
    <>
      <Button disabled={decide.isPending} onClick={() => run('accept')}>
        Accept
      </Button>
      <ConfirmButton
        label="Decline"
        title={`Decline quote ${quote.number ?? ''}?`}
        action={decide}
        onConfirm={(done) => run('decline', done)}
      >
        The company will see that you declined this quote. This cannot be undone here.
      </ConfirmButton>
    </>
  );
}

function DocumentCard({ kind, doc }: { kind: PortalKindPath; doc: PortalDocument }) {
  const isQuote = kind === 'quotes';
  return (
    <li
      className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="portal-document"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {isQuote ? 'Quote' : 'Invoice'} {doc.number}
        </h3>
        <Badge tone={TONES[doc.status] ?? 'neutral'}>{statusLabel(doc.kind, doc.status)}</Badge>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Fact label="Date">{formatDate(doc.issueDate)}</Fact>
        <Fact label={isQuote ? 'Valid until' : 'Due'}>{doc.dueDate ? formatDate(doc.dueDate) : '—'}</Fact>
        <Fact label="Total">{formatMoney(doc.totalCents, doc.currency)}</Fact>
        {isQuote ? (
          doc.decidedAt ? (
            <Fact label="Answered">{formatDate(doc.decidedAt)}</Fact>
          ) : null
        ) : (
          <Fact label="Open">{formatMoney(doc.balanceCents, doc.currency)}</Fact>
        )}
      </dl>
      <div className="mt-4 flex flex-wrap gap-2">
        <PdfButton kind={kind} doc={doc} />
        {isQuote ? <QuoteActions quote={doc} /> : null}
      </div>
    </li>
  );
}

function ListSkeleton() {
  return (
    <div className="space-y-3" data-testid="portal-loading">
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-28 w-full" />
    </div>
  );
}

function DocumentsTab({ kind }: { kind: PortalKindPath }) {
  const list = usePortalDocuments(kind);
  if (list.isPending) return <ListSkeleton />;
  if (list.error)
    return (
      <ErrorAlert
        error={list.error}
        title={`Could not load your ${kind}`}
        onRetry={() => void list.refetch()}
      />
    );
  if (list.data.items.length === 0)
    return (
      <EmptyState
        title={kind === 'quotes' ? 'No quotes yet' : 'No invoices yet'}
        description={
          kind === 'quotes'
            ? 'Quotes the company sends you appear here, ready to accept.'
            : 'Invoices the company issues to you appear here with their PDF.'
        }
      />
    );
  return (
    <ul className="space-y-3">
      {list.data.items.map((doc) => (
        <DocumentCard key={doc.id} kind={kind} doc={doc} />
      ))}
    </ul>
  );
}

function PaymentRow({ p }: { p: PortalPayment }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
      <div>
        <p className="font-medium">{formatMoney(p.amountCents, p.currency)}</p>
        <p className="text-zinc-500 dark:text-zinc-400">
          {formatDate(p.paidOn)} · {METHODS[p.method] ?? p.method}
          {p.reference ? ` · ${p.reference}` : ''}
        </p>
      </div>
      <span className="text-zinc-600 dark:text-zinc-300">Invoice {p.invoiceNumber ?? '—'}</span>
    </li>
  );
}

function PaymentsTab() {
  const list = usePortalPayments();
  if (list.isPending) return <ListSkeleton />;
  if (list.error)
    return (
      <ErrorAlert
        error={list.error}
        title="Could not load your payments"
        onRetry={() => void list.refetch()}
      />
    );
  if (list.data.length === 0)
    return (
      <EmptyState title="No payments yet" description="Payments the company received from you appear here." />
    );
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {list.data.map((p) => (
        <PaymentRow key={p.id} p={p} />
      ))}
    </ul>
  );
}

/** The customer portal: my company's quotes (accept / decline), invoices and payments, with their PDFs. */
export function PortalPage() {
  const me = usePortalMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.some((t) => t.key === params.get('tab')) ? (params.get('tab') as Tab) : 'quotes';
  useDocumentTitle(me.data ? `${me.data.company.name} · Portal` : 'Customer portal');

  if (me.isPending)
    return (
      <div className="space-y-4" data-testid="portal-loading">
        <Skeleton className="h-8 w-64" />
        <ListSkeleton />
      </div>
    );
  if (me.error)
    return (
      <ErrorAlert
        error={me.error}
        title="Your portal could not be opened"
        message="Your access may have ended. Ask the company to invite you again."
        onRetry={() => void me.refetch()}
      />
    );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{me.data.company.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Your documents from {me.data.tenantName}</p>
      </div>
      <div
        role="tablist"
        aria-label="Documents"
        className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => setParams(t.key === 'quotes' ? {} : { tab: t.key }, { replace: true })}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              focusRing,
              tab === t.key
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === 'payments' ? <PaymentsTab /> : <DocumentsTab kind={tab} />}</div>
    </div>
  );
}
