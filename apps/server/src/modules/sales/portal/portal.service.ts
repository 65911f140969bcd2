import {
  fieldGroups,
  PORTAL_INVOICE_STATUSES,
  PORTAL_QUOTE_STATUSES,
  type PortalDocument,
  type PortalMe,
  type PortalPayment,
  portalDocumentSchema,
} from '@tessera/contracts';
import { and, desc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { companies } from '../../crm/index.ts';
import { tenants } from '../../identity/index.ts';
import { documentRenderInput, pdfFile } from '../documents/document-files.service.ts';
import { type DocumentRow, documentListSpec, linesOf, toDocument } from '../documents/document-record.ts';
import { salesDocuments } from '../documents/documents.tables.ts';
import { decideQuoteIn } from '../documents/quotes.service.ts';
import { payments } from '../payments/payments.tables.ts';
import { portalCompanyOf } from './portal-access.service.ts';

type PortalKind = 'quote' | 'invoice';
/** What a customer sees of each kind: never a draft (or a void invoice). */
const VISIBLE: Record<PortalKind, readonly string[]> = {
  quote: PORTAL_QUOTE_STATUSES,
  invoice: PORTAL_INVOICE_STATUSES,
};
const PORTAL_FIELDS = Object.keys(portalDocumentSchema.shape) as (keyof PortalDocument)[];
const { searchText: _s, ...listColumns } = getTableColumns(salesDocuments);

/** The customer-facing fields of a document (no owner, deal, source or other internal ids of the tenant). */
const toPortalDocument = (
  ctx: AuthedContext,
  row: DocumentRow,
  lines?: Parameters<ReturnType<typeof toDocument>>[1],
) => {
  const full = toDocument(ctx.auth)(row, lines) as Record<string, unknown>;
  return Object.fromEntries(
    PORTAL_FIELDS.filter((k) => k in full).map((k) => [k, full[k]]),
  ) as PortalDocument;
};

/** The SQL every portal read shares: this tenant, this kind, the caller's company, a visible status. */
const mine = (ctx: AuthedContext, companyId: string, kind: PortalKind) =>
  and(
    eq(salesDocuments.tenantId, ctx.tenantId),
    eq(salesDocuments.kind, kind),
    eq(salesDocuments.companyId, companyId),
    inArray(salesDocuments.status, [...VISIBLE[kind]]),
    isNull(salesDocuments.archivedAt),
  );

/** One of the caller's company's documents (locked for a decision), or 404 — another company's id too. */
const myDocument = async (t: Tx, ctx: AuthedContext, kind: PortalKind, id: string, lock = false) => {
  const { companyId } = await portalCompanyOf(t, ctx);
  const query = t
    .select()
    .from(salesDocuments)
    .where(and(mine(ctx, companyId, kind), eq(salesDocuments.id, id)));
  const [row] = (await (lock ? query.for('update') : query)) as DocumentRow[];
  if (!row) throw notFound(kind === 'quote' ? 'Quote' : 'Invoice');
  return row;
};

/** `GET /portal/me`: the company and the tenant the portal shows. */
export const portalMe = (ctx: AuthedContext): Promise<PortalMe> =>
  kit.inTenant(ctx, async (t) => {
    const { companyId } = await portalCompanyOf(t, ctx);
    const [company] = await t
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(and(eq(companies.tenantId, ctx.tenantId), eq(companies.id, companyId)));
    const [tenant] = await t.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
    if (!company) throw notFound('Company');
    return { company, tenantName: tenant?.name ?? '' };
  });

/** The caller's company's quotes or invoices, newest first by default (keyset pages, as every list). */
export const listPortalDocuments = (
  ctx: AuthedContext,
  kind: PortalKind,
  query: { limit: number; cursor?: string; sort: string },
) =>
  kit.inTenant(ctx, async (t) => {
    const { companyId } = await portalCompanyOf(t, ctx);
    const spec = documentListSpec(ctx, kind, {});
    spec.where.push(mine(ctx, companyId, kind));
    const { rows, pagination } = await kit.runList<DocumentRow>(t, spec, ctx.tenantId, query, listColumns);
    return { items: rows.map((r) => toPortalDocument(ctx, r)), pagination };
  });

/** One quote or invoice of the caller's company with its lines. */
export const getPortalDocument = (ctx: AuthedContext, kind: PortalKind, id: string) =>
  kit.inTenant(ctx, async (t) => {
    const row = await myDocument(t, ctx, kind, id);
    return toPortalDocument(ctx, row, await linesOf(t, ctx.tenantId, row.id));
  });

/**
 * The customer member accepts or declines one of their company's sent quotes — the same decision as through the
 * quote's public link (`decideQuoteIn`: 409 once decided or expired), audited with the member as the actor.
 */
export const decidePortalQuote = (
  ctx: AuthedContext,
  id: string,
  decision: 'accepted' | 'declined',
  input: { version?: number } | null | undefined,
) =>
  kit.inTenant(ctx, async (t) => {
    const row = await myDocument(t, ctx, 'quote', id, true);
    if (input?.version !== undefined && input.version !== row.version)
      throw new AppError('CONFLICT', 'This quote was changed meanwhile. Reload and try again.');
    const after = await decideQuoteIn(t, row, decision, {
      tenantId: ctx.tenantId,
      userId: ctx.userId,
      ip: ctx.ip ?? '',
      requestId: ctx.requestId,
    });
    return toPortalDocument(ctx, after, await linesOf(t, ctx.tenantId, after.id));
  });

/** The PDF of one of the caller's company's documents: the same renderer and branding as the staff download. */
export const portalDocumentPdf = async (ctx: AuthedContext, kind: PortalKind, id: string) => {
  kit.requirePermission(ctx, fieldGroups.money.permission);
  return pdfFile(
    await kit.inTenant(ctx, async (t) => {
      await myDocument(t, ctx, kind, id);
      return documentRenderInput(t, ctx, kind, id);
    }),
  );
};

/** The payments received on the caller's company's invoices, newest first. */
export const listPortalPayments = (ctx: AuthedContext, query: { limit: number }): Promise<PortalPayment[]> =>
  kit.inTenant(ctx, async (t) => {
    const { companyId } = await portalCompanyOf(t, ctx);
    const rows = await t
      .select({
        id: payments.id,
        invoiceId: payments.invoiceId,
        paidOn: payments.paidOn,
        amountCents: payments.amountCents,
        method: payments.method,
        reference: payments.reference,
        invoiceNumber: salesDocuments.number,
        currency: salesDocuments.currency,
      })
      .from(payments)
      .innerJoin(
        salesDocuments,
        and(eq(salesDocuments.tenantId, payments.tenantId), eq(salesDocuments.id, payments.invoiceId)),
      )
      .where(and(eq(payments.tenantId, ctx.tenantId), mine(ctx, companyId, 'invoice')))
      .orderBy(desc(payments.paidOn), desc(payments.createdAt))
      .limit(query.limit);
    return rows.map(
      (r) => redactFields(ctx.auth, { ...r, method: r.method as PortalPayment['method'] }) as PortalPayment,
    );
  });
