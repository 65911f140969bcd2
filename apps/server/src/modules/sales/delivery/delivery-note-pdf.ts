import { formatQuantity } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { brandingRowOf, documentBrandingOf } from '../branding/branding.service.ts';
import type { DocumentFile } from '../documents/document-files.service.ts';
import { toDocumentView } from '../documents/document-view-mapper.ts';
import { renderDocumentPdf } from '../rendering/document-pdf.ts';
import type { DocumentLine, SalesDocumentView } from '../rendering/document-view.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { loadDeliveryNote } from './delivery-notes.service.ts';

/**
 * `GET /delivery-notes/:id/pdf`: the shared renderer's delivery-note layout (delivered of ordered, no prices,
 * the receipt line), the customer as the source document prints it, the tenant's branding.
 */
export const deliveryNotePdf = async (ctx: AuthedContext, id: string): Promise<DocumentFile> => {
  kit.requirePermission(ctx, 'delivery_notes.view');
  const { view, branding } = await kit.inTenant(ctx, async (t) => {
    const { note, source, lines } = await loadDeliveryNote(t, ctx, id);
    const settings = await settingsOf(t, ctx.tenantId);
    const base = toDocumentView({
      row: { ...source, notes: note.notes },
      lines: [],
      settings,
      source: { number: source.number, issueDate: source.issueDate },
    });
    const view: SalesDocumentView = {
      ...base,
      kind: 'delivery_note',
      number: note.number,
      issueDate: note.deliveredOn,
      dueDate: undefined,
      validUntil: undefined,
      paymentTerms: undefined,
      paidMinor: undefined,
      balanceMinor: undefined,
      creditedMinor: undefined,
      documentDiscountMinor: 0,
      taxBreakdown: [],
      netMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      ...(note.cancelledAt && note.cancelReason
        ? {
            cancelled: { on: note.cancelledAt.toISOString().slice(0, 10), reason: note.cancelReason },
          }
        : {}),
      lines: lines.map(
        (l): DocumentLine => ({
          position: l.position,
          description: l.description,
          ...(l.sku ? { sku: l.sku } : {}),
          ...(l.unit ? { unitLabel: l.unit } : {}),
          quantity: formatQuantity(l.quantityMilli),
          orderedQuantity: formatQuantity(l.orderedMilli),
          unitPriceMinor: 0,
          discountMinor: 0,
          taxRateBp: 0,
          taxCategory: 'Z',
          netMinor: 0,
          taxMinor: 0,
          totalMinor: 0,
        }),
      ),
    };
    const branding = documentBrandingOf(await brandingRowOf(t, ctx.tenantId));
    return { view, branding: settings.footer ? { ...branding, footer: settings.footer } : branding };
  });
  return {
    filename: `${fileNameOf(view.number)}.pdf`,
    contentType: 'application/pdf',
    content: await renderDocumentPdf(view, branding),
  };
};
const fileNameOf = (n: string | null) => (n ?? 'delivery-note').replace(/[^\w.-]+/g, '_');
