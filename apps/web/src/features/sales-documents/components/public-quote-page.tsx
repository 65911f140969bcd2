import type { PublicQuote } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiClientError } from '../../../lib/api-error';
import { publicQuoteLogoUrl, useDecideQuote, usePublicQuote } from '../api/public-quote';
import { brandColor, quoteDate, quoteMoney, quoteState, ratePercent, textOn } from '../public-quote-format';

type Doc = PublicQuote['document'];
type Party = Doc['seller'];

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The page frame: no app navigation, the seller's colour as a band on top. */
function Frame({ color, children }: { color?: string; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <div className="h-1.5" style={{ backgroundColor: brandColor(color) }} />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}

function AddressBlock({ title, party }: { title: string; party: Party }) {
  const a = party.address;
  const lines = [
    party.contactName,
    a?.line1,
    a?.line2,
    [a?.postalCode, a?.city].filter(Boolean).join(' '),
    [a?.region, a?.country].filter(Boolean).join(', '),
    party.email,
    party.phone,
    party.taxId ? `Tax ID ${party.taxId}` : undefined,
  ].filter(Boolean);
  return (
    <div className="min-w-0">
      <h2 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {title}
      </h2>
      <p className="mt-1 font-medium">{party.name || '—'}</p>
      {lines.map((line) => (
        <p key={line} className="break-words text-sm text-zinc-600 dark:text-zinc-400">
          {line}
        </p>
      ))}
    </div>
  );
}

function Lines({ doc }: { doc: Doc }) {
  const money = (minor: number) => quoteMoney(minor, doc.currency, doc.locale);
  return (
    <>
      {/* Phone: one card per line. */}
      <ul className="divide-y divide-zinc-200 sm:hidden dark:divide-zinc-800" aria-label="Quote lines">
        {doc.lines.map((l) => (
          <li key={l.position} className="py-3 text-sm">
            <div className="flex justify-between gap-3">
              <span className="min-w-0 break-words font-medium">{l.description}</span>
              <span className="shrink-0 tabular-nums font-medium">{money(l.netMinor)}</span>
            </div>
            <p className="mt-0.5 tabular-nums text-zinc-600 dark:text-zinc-400">
              {l.quantity} {l.unitLabel ?? ''} × {money(l.unitPriceMinor)}
              {l.discountMinor ? ` − ${money(l.discountMinor)}` : ''} · tax {ratePercent(l.taxRateBp)}
            </p>
          </li>
        ))}
      </ul>
      {/* Wider: a table. */}
      <table className="hidden w-full text-sm sm:table" aria-label="Quote lines">
        <thead className="border-b border-zinc-200 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Description
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Unit price
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Tax
            </th>
            <th scope="col" className="py-2 pl-3 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {doc.lines.map((l) => (
            <tr key={l.position}>
              <td className="py-2.5 pr-3 align-top">
                {l.description}
                {l.discountMinor ? (
                  <span className="block text-xs text-zinc-500">Discount {money(l.discountMinor)}</span>
                ) : null}
              </td>
              <td className="px-3 py-2.5 text-right align-top tabular-nums whitespace-nowrap">
                {l.quantity} {l.unitLabel ?? ''}
              </td>
              <td className="px-3 py-2.5 text-right align-top tabular-nums whitespace-nowrap">
                {money(l.unitPriceMinor)}
              </td>
              <td className="px-3 py-2.5 text-right align-top tabular-nums whitespace-nowrap">
                {ratePercent(l.taxRateBp)}
              </td>
              <td className="py-2.5 pl-3 text-right align-top tabular-nums whitespace-nowrap">
                {money(l.netMinor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Totals({ doc }: { doc: Doc }) {
  const money = (minor: number) => quoteMoney(minor, doc.currency, doc.locale);
  const row = (label: string, value: string, strong = false) => (
    <div key={label} className={`flex justify-between gap-6 ${strong ? 'text-base font-semibold' : ''}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
  return (
    <dl className="ml-auto w-full max-w-xs space-y-1 text-sm" aria-label="Totals">
      {doc.documentDiscountMinor ? row('Discount', `− ${money(doc.documentDiscountMinor)}`) : null}
      {row('Net', money(doc.netMinor))}
      {doc.taxBreakdown.map((t) =>
        row(`Tax ${ratePercent(t.taxRateBp)} on ${money(t.taxableMinor)}`, money(t.taxMinor)),
      )}
      <div className="border-t border-zinc-200 pt-1 dark:border-zinc-800">
        {row('Total', money(doc.totalMinor), true)}
      </div>
    </dl>
  );
}

/** Accept or decline, each confirmed once more (a decision cannot be undone). */
function Decision({ token, color }: { token: string; color: string }) {
  const decide = useDecideQuote(token);
  const [asking, setAsking] = useState<'accept' | 'decline' | null>(null);
  const conflict = isApiClientError(decide.error) && decide.error.status === 409;
  return (
    <section aria-label="Your decision" className="space-y-3">
      {decide.error ? (
        conflict ? (
          <Alert tone="warning" title="This quote can no longer be decided">
            {decide.error.message}
          </Alert>
        ) : (
          <ErrorAlert error={decide.error} title="Your decision was not saved" />
        )
      ) : null}
      {asking ? (
        <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="text-sm font-medium">
            {asking === 'accept'
              ? 'Accept this quote? The seller is told at once; this cannot be undone.'
              : 'Decline this quote? The seller is told at once; this cannot be undone.'}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button
              variant={asking === 'accept' ? 'primary' : 'danger'}
              className="py-3 sm:py-2"
              style={asking === 'accept' ? { backgroundColor: color, color: textOn(color) } : undefined}
              disabled={decide.isPending}
              onClick={() => decide.mutate(asking, { onSettled: () => setAsking(null) })}
            >
              {decide.isPending ? 'Saving…' : asking === 'accept' ? 'Yes, accept' : 'Yes, decline'}
            </Button>
            <Button variant="secondary" className="py-3 sm:py-2" onClick={() => setAsking(null)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button
            variant="primary"
            className="py-3 sm:py-2"
            style={{ backgroundColor: color, color: textOn(color) }}
            onClick={() => {
              decide.reset();
              setAsking('accept');
            }}
          >
            Accept quote
          </Button>
          <Button
            variant="secondary"
            className="py-3 sm:py-2"
            onClick={() => {
              decide.reset();
              setAsking('decline');
            }}
          >
            Decline
          </Button>
        </div>
      )}
    </section>
  );
}

function StateBanner({ quote }: { quote: PublicQuote }) {
  const doc = quote.document;
  const state = quoteState(quote.status, doc.validUntil, todayIso());
  const on = quote.decidedAt ? ` on ${quoteDate(quote.decidedAt.slice(0, 10), doc.locale)}` : '';
  if (state === 'accepted')
    return (
      <Alert tone="success" title={`You accepted this quote${on}`} role="status">
        Thank you — {doc.seller.name || 'the seller'} will be in touch.
      </Alert>
    );
  if (state === 'declined')
    return (
      <Alert tone="info" title={`You declined this quote${on}`} role="status">
        If you change your mind, contact {doc.seller.name || 'the seller'} for a new quote.
      </Alert>
    );
  if (state === 'expired')
    return (
      <Alert tone="warning" title="This quote has expired" role="status">
        It can no longer be accepted. Ask {doc.seller.name || 'the seller'} for a new one.
      </Alert>
    );
  return null;
}

/** `/q/:token`: the customer's quote behind its signed link — view it, accept or decline it, no sign-in. */
export function PublicQuotePage() {
  const { token = '' } = useParams();
  const quote = usePublicQuote(token);
  const [logoFailed, setLogoFailed] = useState(false);
  useDocumentTitle(quote.data ? `Quote ${quote.data.document.number ?? ''}`.trim() : 'Your quote');

  if (quote.isPending)
    return (
      <Frame>
        <div className="space-y-4" aria-busy="true">
          <span className="sr-only">Loading your quote…</span>
          <Skeleton className="h-10 w-1/2" />
          <Skeleton className="h-32" />
          <Skeleton className="h-48" />
        </div>
      </Frame>
    );
  if (quote.error)
    return (
      <Frame>
        {isApiClientError(quote.error) && [400, 404, 414].includes(quote.error.status) ? (
          <Alert tone="warning" title={<h1>This quote link is not valid or has expired</h1>}>
            A quote link works until the end of the quote’s valid-until day. Use the link from the latest
            e-mail, or ask the sender for a new quote.
          </Alert>
        ) : (
          <ErrorAlert
            error={quote.error}
            title="Could not load the quote"
            onRetry={() => void quote.refetch()}
          />
        )}
      </Frame>
    );

  const { document: doc, branding } = quote.data;
  const color = brandColor(branding.primaryColor);
  const state = quoteState(quote.data.status, doc.validUntil, todayIso());
  return (
    <Frame color={color}>
      <article className="space-y-6" data-testid="public-quote">
        <header className="flex flex-wrap items-center justify-between gap-4">
          <div className="flex min-w-0 items-center gap-3">
            {branding.logo && !logoFailed ? (
              <img
                src={publicQuoteLogoUrl(token)}
                alt={doc.seller.name || 'Seller logo'}
                className="max-h-12 max-w-40 object-contain"
                onError={() => setLogoFailed(true)}
              />
            ) : null}
            {doc.seller.name ? <p className="truncate text-lg font-semibold">{doc.seller.name}</p> : null}
          </div>
          <div className="w-full sm:w-auto sm:text-right">
            <h1 className="text-2xl font-semibold tracking-tight">Quote {doc.number}</h1>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {quoteDate(doc.issueDate, doc.locale)}
              {doc.validUntil ? ` · valid until ${quoteDate(doc.validUntil, doc.locale)}` : ''}
            </p>
          </div>
        </header>
        <StateBanner quote={quote.data} />
        <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="grid gap-4 sm:grid-cols-2">
            <AddressBlock title="From" party={doc.seller} />
            <AddressBlock title="For" party={doc.buyer} />
          </div>
          {doc.buyerReference ? (
            <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
              Your reference: {doc.buyerReference}
            </p>
          ) : null}
          <div className="mt-6">
            <Lines doc={doc} />
          </div>
          <div className="mt-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <Totals doc={doc} />
          </div>
          {doc.notes ? (
            <p className="mt-6 whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{doc.notes}</p>
          ) : null}
          {doc.paymentTerms ? (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{doc.paymentTerms}</p>
          ) : null}
        </div>
        {state === 'open' ? <Decision token={token} color={color} /> : null}
      </article>
    </Frame>
  );
}
