import type { SalesDocument } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { type Database, type Tx, withTenant } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { winDealIn } from '../../crm/index.ts';
import { brandingRowOf } from '../branding/branding.service.ts';
import type { SalesDocumentView } from '../rendering/document-view.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { changeIssued, todayIso } from './document-actions.service.ts';
import { DOCUMENT_DEFS, type DocumentRow, linesOf, toDocument } from './document-record.ts';
import { toDocumentView } from './document-view-mapper.ts';
import { salesDocumentLines, salesDocuments } from './documents.tables.ts';
import { expiryOf, signQuoteLink, verifyQuoteLink } from './quote-link.ts';

export interface QuoteLinkDeps {
  database: Database;
  secret: string;
  appUrl: string;
}

/** The customer's link of a sent quote (expires at the end of its valid-until day). */
export const quoteLinkOf = (deps: Pick<QuoteLinkDeps, 'secret' | 'appUrl'>, row: DocumentRow) =>
  `${deps.appUrl}/q/${signQuoteLink(deps.secret, {
    tenantId: row.tenantId,
    quoteId: row.id,
    expires: expiryOf(row.dueDate, row.issueDate),
  })}`;

const quoteRef = (r: DocumentRow) => ({
  quoteId: r.id,
  number: r.number ?? '',
  companyId: r.companyId,
  ownerId: r.ownerId,
});

/** The quote a valid link names, in its tenant's transaction (locked for a decision); 404 for anything else. */
const withLinkedQuote = <T>(
  deps: QuoteLinkDeps,
  token: string,
  fn: (t: Parameters<Parameters<typeof withTenant>[2]>[0], row: DocumentRow) => Promise<T>,
) => {
  const link = verifyQuoteLink(deps.secret, token);
  if (!link) throw notFound('Quote');
  return withTenant(deps.database, link.tenantId, async (t) => {
    const [row] = (await t
      .select()
      .from(salesDocuments)
      .where(
        and(
          eq(salesDocuments.tenantId, link.tenantId),
          eq(salesDocuments.id, link.quoteId),
          eq(salesDocuments.kind, 'quote'),
        ),
      )
      .for('update')) as DocumentRow[];
    if (!row || row.status === 'draft' || row.archivedAt) throw notFound('Quote');
    return fn(t, row);
  });
};

export type PublicQuote = {
  status: string;
  decidedAt: string | null;
  document: SalesDocumentView;
  /** The seller's colours and whether it has a logo (`GET /api/public/quotes/:token/logo`). */
  branding: { primaryColor: string | null; accentColor: string | null; logo: boolean };
};

/** What the customer sees behind the link: the quote as it was sent, its status and the seller's branding. */
export const viewPublicQuote = (deps: QuoteLinkDeps, token: string): Promise<PublicQuote> =>
  withLinkedQuote(deps, token, async (t, row) => {
    const branding = await brandingRowOf(t, row.tenantId);
    return {
      status: row.status,
      decidedAt: kit.iso(row.decidedAt),
      document: toDocumentView({
        row,
        lines: await linesOf(t, row.tenantId, row.id),
        settings: await settingsOf(t, row.tenantId),
      }),
      branding: {
        primaryColor: branding?.primaryColor ?? null,
        accentColor: branding?.accentColor ?? null,
        logo: Boolean(branding?.logo && branding.logoType),
      },
    };
  });

/** The seller's logo behind a valid quote link; 404 without one. */
export const publicQuoteLogo = (deps: QuoteLinkDeps, token: string) =>
  withLinkedQuote(deps, token, async (t, row) => {
    const branding = await brandingRowOf(t, row.tenantId);
    if (!branding?.logo || !branding.logoType) throw notFound('Logo');
    return { contentType: branding.logoType, content: branding.logo };
  });

/** Who decided a quote: nobody signed in (the public link) or the customer member (the portal). */
export interface QuoteDecider {
  tenantId: string;
  userId: string | null;
  ip: string;
  requestId?: string | null;
}

/**
 * Records the customer's decision on a quote the caller locked (`FOR UPDATE`): the public link and the customer
 * portal both end here. Only a sent quote within its valid-until day can be decided (409 otherwise); the
 * decision is stored with the time and IP address, audited and emitted (`quote.accepted` / `quote.declined`).
 */
export const decideQuoteIn = async (
  t: Tx,
  row: DocumentRow,
  decision: 'accepted' | 'declined',
  by: QuoteDecider,
): Promise<DocumentRow> => {
  if (row.status !== 'sent') throw new AppError('CONFLICT', `This quote was already ${row.status}`);
  if (row.dueDate && row.dueDate < todayIso()) throw new AppError('CONFLICT', 'This quote has expired');
  const [after] = (await t
    .update(salesDocuments)
    .set({ status: decision, decidedAt: new Date(), decidedIp: by.ip, version: row.version + 1 })
    .where(and(eq(salesDocuments.tenantId, row.tenantId), eq(salesDocuments.id, row.id)))
    .returning()) as DocumentRow[];
  if (!after) throw notFound('Quote');
  const actor = { tenantId: row.tenantId, userId: by.userId, ip: by.ip, requestId: by.requestId ?? null };
  await writeAudit(t, actor, {
    action: `quote.${decision}`,
    targetType: 'quote',
    targetId: row.id,
    changes: { status: { from: row.status, to: decision } },
  });
  await emit(t, actor, decision === 'accepted' ? 'quote.accepted' : 'quote.declined', quoteRef(after));
  return after;
};

/** The customer accepts or declines a sent quote through its link (audited without a user); once. */
export const decidePublicQuote = (
  deps: QuoteLinkDeps,
  token: string,
  decision: 'accepted' | 'declined',
  origin: { ip: string; requestId?: string },
) =>
  withLinkedQuote(deps, token, async (t, row) => {
    const after = await decideQuoteIn(t, row, decision, { tenantId: row.tenantId, userId: null, ...origin });
    return { status: after.status, decidedAt: kit.iso(after.decidedAt) };
  });

/**
 * An accepted quote becomes a draft invoice in one transaction: same customer, lines and prices; the quote
 * is marked invoiced (once); optionally its deal is marked won (needs deals.update).
 */
export const convertQuote = (
  ctx: AuthedContext,
  id: string,
  input: { markDealWon?: boolean },
): Promise<SalesDocument> =>
  kit.inTenant(ctx, async (t) => {
    const quote = await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS.quote, id, true);
    if (quote.status !== 'accepted')
      throw new AppError(
        'CONFLICT',
        quote.status === 'invoiced'
          ? 'This quote was already invoiced'
          : 'Only an accepted quote becomes an invoice',
      );
    const {
      id: _i,
      number: _n,
      status: _s,
      createdAt: _c,
      updatedAt: _u,
      version: _v,
      balanceCents: _b,
      searchText: _t,
      ...copy
    } = quote;
    const invoice = await kit.insertRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS.invoice, {
      ...copy,
      id: newId(),
      kind: 'invoice',
      status: 'draft',
      sourceId: quote.id,
      issueDate: todayIso(),
      dueDate: null,
      issuedAt: null,
      sentAt: null,
      decidedAt: null,
      decidedIp: null,
      paidCents: 0,
      creditedCents: 0,
      createdBy: ctx.userId,
    });
    const lines = await linesOf(t, ctx.tenantId, quote.id);
    if (lines.length)
      await t
        .insert(salesDocumentLines)
        .values(lines.map((l) => ({ ...l, id: newId(), documentId: invoice.id })));
    await changeIssued(t, ctx, quote, 'invoiced', { status: 'invoiced' });
    if (input.markDealWon && quote.dealId) {
      kit.requirePermission(ctx, 'deals.update');
      await winDealIn(t, ctx, quote.dealId);
    }
    return toDocument(ctx.auth)(invoice, await linesOf(t, ctx.tenantId, invoice.id));
  });
