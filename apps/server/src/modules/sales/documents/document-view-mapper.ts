import { formatQuantity } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import type {
  DocumentLine,
  PostalAddress,
  SalesDocumentView,
  TaxCategory,
} from '../rendering/document-view.ts';
import { formatterFor } from '../rendering/format.ts';
import { labelsFor } from '../rendering/labels.ts';
import { type SettingsRow, settingsOf } from '../settings/settings.service.ts';
import type { AddressValue } from '../settings/settings.tables.ts';
import { DOCUMENT_DEFS, type DocumentRow, type LineRow, linesOf } from './document-record.ts';

/** Units we know the UN/ECE rec 20 code of; anything else prints its label only. */
const UNIT_CODES: Record<string, string> = {
  pcs: 'C62',
  pc: 'C62',
  piece: 'C62',
  ea: 'C62',
  h: 'HUR',
  hr: 'HUR',
  hour: 'HUR',
  hours: 'HUR',
  day: 'DAY',
  days: 'DAY',
  kg: 'KGM',
  m: 'MTR',
  m2: 'MTK',
  l: 'LTR',
};
const EXEMPTION: Partial<Record<TaxCategory, string>> = {
  E: 'Exempt from VAT',
  AE: 'Reverse charge',
  K: 'Intra-community supply',
  G: 'Export outside the EU',
  O: 'Not subject to VAT',
};

/** Drops absent optional fields (null or undefined), so the view has only what the document has. */
const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
const address = (a: AddressValue | null | undefined): PostalAddress | undefined => {
  const v = clean({ ...(a ?? {}) });
  return Object.keys(v).length ? v : undefined;
};

const line = (l: LineRow): DocumentLine => {
  const unit = l.unit?.trim().toLowerCase();
  return clean({
    position: l.position,
    description: l.description,
    sku: l.sku ?? undefined,
    quantity: formatQuantity(l.quantityMilli),
    unitCode: unit ? UNIT_CODES[unit] : 'C62',
    unitLabel: l.unit ?? undefined,
    unitPriceMinor: l.unitPriceCents,
    discountMinor: l.discountCents,
    taxRateBp: l.taxRateBp,
    taxCategory: l.taxCategory as TaxCategory,
    netMinor: l.netCents,
    taxMinor: l.taxCents,
    totalMinor: l.totalCents,
  }) as DocumentLine;
};

/** The category of a rate on this document (its lines say; a 0 % rate without lines is zero-rated). */
const categoryOf = (lines: LineRow[], rateBp: number): TaxCategory =>
  (lines.find((l) => l.taxRateBp === rateBp)?.taxCategory as TaxCategory | undefined) ??
  (rateBp === 0 ? 'Z' : 'S');

export interface ViewInput {
  row: DocumentRow;
  lines: LineRow[];
  settings: SettingsRow;
  /** The invoice a credit note corrects (its number and date print on the credit note). */
  source?: Pick<DocumentRow, 'number' | 'issueDate'> | null;
}

/**
 * A stored document as the renderers take it (rendering/document-view.ts): totals as stored (the shared
 * calculation's), the seller from the sales settings, the buyer from the document's customer snapshot.
 */
export const toDocumentView = ({ row, lines, settings, source }: ViewInput): SalesDocumentView => {
  const bank = clean({ ...settings.bank });
  const terms =
    row.kind === 'invoice' && row.dueDate
      ? labelsFor(settings.locale).payableBy(formatterFor(settings.locale, row.currency).date(row.dueDate))
      : undefined;
  const view = clean({
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.kind === 'invoice' ? (row.dueDate ?? undefined) : undefined,
    validUntil: row.kind === 'quote' ? (row.dueDate ?? undefined) : undefined,
    currency: row.currency,
    locale: settings.locale,
    seller: clean({
      name: settings.sellerName ?? '',
      address: address(settings.sellerAddress),
      taxId: settings.sellerTaxId ?? undefined,
      registrationId: settings.sellerRegistrationId ?? undefined,
      email: settings.sellerEmail ?? undefined,
      bank: Object.keys(bank).length ? bank : undefined,
    }),
    buyer: clean({
      name: row.customerName ?? '',
      address: address(row.customerAddress),
      taxId: row.customerTaxId ?? undefined,
      email: row.customerEmail ?? undefined,
    }),
    lines: lines.map(line),
    documentDiscountMinor: row.discountCents,
    taxBreakdown: row.taxBreakdown.map((t) => {
      const taxCategory = categoryOf(lines, t.taxRateBp);
      return clean({ ...t, taxCategory, exemptionReason: EXEMPTION[taxCategory] });
    }),
    netMinor: row.netCents,
    taxMinor: row.taxCents,
    totalMinor: row.totalCents,
    paidMinor: row.kind === 'invoice' ? row.paidCents : undefined,
    balanceMinor: row.kind === 'invoice' ? row.totalCents - row.paidCents - row.creditedCents : undefined,
    creditedMinor: row.kind === 'invoice' && row.creditedCents ? row.creditedCents : undefined,
    buyerReference: row.buyerReference ?? undefined,
    precedingDocumentNumber: source?.number ?? undefined,
    precedingDocumentDate: source?.issueDate ?? undefined,
    paymentTerms: terms,
    notes: row.notes ?? undefined,
  });
  return { ...view, number: row.number } as SalesDocumentView;
};

/** The view of a document the caller may see (404 otherwise), for `GET /invoices/:id/pdf`, `/ubl` and sending. */
export const loadDocumentView = (ctx: AuthedContext, kind: DocumentRow['kind'], id: string) =>
  kit.inTenant(ctx, async (t) => {
    const row = await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[kind], id);
    const source =
      row.kind === 'credit_note' && row.sourceId
        ? await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS.invoice, row.sourceId).catch(() => null)
        : null;
    return toDocumentView({
      row,
      lines: await linesOf(t, ctx.tenantId, id),
      settings: await settingsOf(t, ctx.tenantId),
      source,
    });
  });
