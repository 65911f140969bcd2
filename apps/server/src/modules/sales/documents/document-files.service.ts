import { type DocumentKind, fieldGroups } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { brandingRowOf, documentBrandingOf } from '../branding/branding.service.ts';
import { renderDocumentPdf } from '../rendering/document-pdf.ts';
import { documentUbl } from '../rendering/document-ubl.ts';
import type { DocumentBranding, SalesDocumentView } from '../rendering/document-view.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { DOCUMENT_DEFS, type DocumentRow, linesOf } from './document-record.ts';
import { toDocumentView } from './document-view-mapper.ts';

export interface DocumentFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * A document the caller may see (kind, tenant, record scope; 404 otherwise) as the renderers take it, with the
 * tenant's branding (logo, colours, the settings' footer). Runs in the caller's transaction (sending uses it).
 */
export const documentRenderInput = async (
  t: Tx,
  ctx: AuthedContext,
  kind: DocumentKind,
  id: string,
): Promise<{ view: SalesDocumentView; branding: DocumentBranding }> => {
  const row = await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[kind], id);
  const source =
    row.kind === 'credit_note' && row.sourceId
      ? await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS.invoice, row.sourceId).catch(() => null)
      : null;
  const settings = await settingsOf(t, ctx.tenantId);
  const view = toDocumentView({ row, lines: await linesOf(t, ctx.tenantId, id), settings, source });
  const branding = documentBrandingOf(await brandingRowOf(t, ctx.tenantId));
  return { view, branding: settings.footer ? { ...branding, footer: settings.footer } : branding };
};

const fileName = (view: SalesDocumentView, extension: string) =>
  `${(view.number ?? `${view.kind.replace('_', '-')}-draft`).replace(/[^\w.-]+/g, '_')}.${extension}`;

/** The PDF of a rendered document (for downloads and e-mail attachments). */
export const pdfFile = async (input: {
  view: SalesDocumentView;
  branding: DocumentBranding;
}): Promise<DocumentFile> => ({
  filename: fileName(input.view, 'pdf'),
  contentType: 'application/pdf',
  content: await renderDocumentPdf(input.view, input.branding),
});

/** Every amount of the document is on it: viewing it needs the money-field permission too. */
const requireMoney = (ctx: AuthedContext) => kit.requirePermission(ctx, fieldGroups.money.permission);

/** `GET /…/:id/pdf`: read in the tenant transaction, rendered after it (CPU work holds no connection). */
export const documentPdf = async (
  ctx: AuthedContext,
  kind: DocumentKind,
  id: string,
): Promise<DocumentFile> => {
  requireMoney(ctx);
  return pdfFile(await kit.inTenant(ctx, (t) => documentRenderInput(t, ctx, kind, id)));
};

/** `GET /…/:id/ubl`: the EN 16931 e-invoice of an issued invoice or credit note (a draft has none: 409). */
export const documentUblFile = async (
  ctx: AuthedContext,
  kind: 'invoice' | 'credit_note',
  id: string,
): Promise<DocumentFile> => {
  requireMoney(ctx);
  const { view } = await kit.inTenant(ctx, (t) => documentRenderInput(t, ctx, kind, id));
  if (view.number === null) throw new AppError('CONFLICT', 'A draft has no e-invoice yet: issue it first');
  return {
    filename: fileName(view, 'xml'),
    contentType: 'application/xml; charset=utf-8',
    content: new TextEncoder().encode(documentUbl(view)),
  };
};
