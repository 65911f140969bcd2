import type { SalesDocument } from '@tessera/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import type { RecordPanelProps } from '../../../components/records/record-panel-props';
import { ErrorAlert } from '../../../components/ui/alert';
import { buttonClasses } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { type DocumentKindPath, useDealDocuments } from '../api/documents';
import { DocumentStatus } from './document-status';

/**
 * The "Quotes and invoices" card of a deal page (a record panel; other record pages show nothing): the deal's
 * quotes and the invoices made from them, each opening its page, and "New quote" — the editor with the deal and
 * its customer chosen.
 */
export function DealDocumentsPanel({ type, id }: RecordPanelProps) {
  const canQuotes = usePermission('quotes.view');
  const canInvoices = usePermission('invoices.view');
  const canCreate = usePermission('quotes.manage');
  const titleId = useId();
  const isDeal = type === 'deal';
  const quotes = useDealDocuments('quotes', id, isDeal && canQuotes);
  const invoices = useDealDocuments('invoices', id, isDeal && canInvoices);
  if (!isDeal || (!canQuotes && !canInvoices)) return null;

  const lists = [canQuotes ? quotes : null, canInvoices ? invoices : null].filter((q) => q !== null);
  const failed = lists.find((q) => q.error);
  const items: [DocumentKindPath, SalesDocument][] = [
    ...(quotes.data?.items ?? []).map((d): [DocumentKindPath, SalesDocument] => ['quotes', d]),
    ...(invoices.data?.items ?? []).map((d): [DocumentKindPath, SalesDocument] => ['invoices', d]),
  ];

  return (
    <Card aria-labelledby={titleId} data-testid="deal-documents">
      <CardHeader
        title="Quotes and invoices"
        titleId={titleId}
        actions={
          canCreate ? (
            <Link
              to={`/quotes/new?dealId=${encodeURIComponent(id)}`}
              className={buttonClasses({ size: 'sm' })}
            >
              New quote
            </Link>
          ) : null
        }
      />
      <CardBody>
        {failed?.error ? (
          <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />
        ) : lists.some((q) => q.isPending) ? (
          <div className="space-y-2" aria-busy="true">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
            <span className="sr-only">Loading quotes and invoices…</span>
          </div>
        ) : items.length === 0 ? (
          <p className="py-4 text-center text-sm text-zinc-500 dark:text-zinc-400">
            No quotes yet.{canCreate ? ' “New quote” makes one for this deal’s customer.' : ''}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Quotes and invoices">
            {items.map(([kind, doc]) => (
              <li
                key={doc.id}
                className="flex items-start justify-between gap-3 py-3"
                data-testid="deal-document"
              >
                <div className="min-w-0">
                  <Link
                    to={`/${kind}/${doc.id}`}
                    className="font-medium text-indigo-600 [overflow-wrap:anywhere] hover:underline dark:text-indigo-400"
                  >
                    {kind === 'quotes' ? 'Quote' : 'Invoice'} {doc.number ?? '(draft)'}
                  </Link>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {formatDate(doc.issueDate)}
                    {doc.dueDate
                      ? ` · ${kind === 'quotes' ? 'valid until' : 'due'} ${formatDate(doc.dueDate)}`
                      : ''}
                  </p>
                </div>
                {/* Amount over status, right-aligned at every width. */}
                <div className="flex shrink-0 flex-col items-end gap-1">
                  {doc.totalCents !== undefined ? (
                    <span className="font-medium tabular-nums">
                      {formatMoney(doc.totalCents, doc.currency)}
                    </span>
                  ) : null}
                  <DocumentStatus status={doc.status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
