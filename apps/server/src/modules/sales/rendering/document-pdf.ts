/**
 * Quotes, invoices, credit notes and delivery notes as PDF (A4, pdfkit, embedded DejaVu Sans): header with
 * the tenant's logo and colours, seller and buyer, document facts, the line table (repeating its header on
 * every page), totals with the tax breakdown, payment details, notes, and on every page a footer with the
 * seller's address, tax id and bank details, the tenant's footer text and "page x of y".
 */
import { lazy } from '../../../platform/lazy.ts';
import type { DocumentBranding, SalesDocumentView } from './document-view.ts';
import { cleanText, formatterFor } from './format.ts';
import { labelsFor } from './labels.ts';
import {
  addressLines,
  type Canvas,
  CONTENT_WIDTH,
  fillRect,
  fonts,
  measure,
  PAGE,
  paletteFor,
  rule,
  textAt,
} from './pdf-canvas.ts';
import { drawSummary } from './pdf-summary.ts';
import { drawLineTable } from './pdf-table.ts';

const META_WIDTH = 210;

function drawLogoOrName(canvas: Canvas): void {
  const { doc, branding, view, palette } = canvas;
  if (branding.logo && branding.logo.length > 0) {
    try {
      doc.image(Buffer.from(branding.logo), PAGE.left, PAGE.top, { fit: [170, 60] });
      return;
    } catch {
      // Not a PNG/JPEG pdfkit can read: the seller's name stands in for it.
    }
  }
  textAt(
    canvas,
    view.seller.name,
    { x: PAGE.left, y: PAGE.top + 6, width: 280, maxHeight: 50 },
    {
      size: 16,
      bold: true,
      color: palette.primary,
    },
  );
}

function drawTitle(canvas: Canvas): void {
  const { view, labels, palette } = canvas;
  const x = PAGE.right - 260;
  textAt(
    canvas,
    labels.title[view.kind].toUpperCase(),
    { x, y: PAGE.top, width: 260, align: 'right' },
    {
      size: 20,
      bold: true,
      color: palette.primary,
    },
  );
  textAt(
    canvas,
    view.number ?? labels.draft,
    { x, y: PAGE.top + 28, width: 260, align: 'right', maxHeight: 14 },
    {
      size: 11,
      bold: true,
    },
  );
  if (view.cancelled)
    textAt(
      canvas,
      `${labels.cancelled.toUpperCase()} ${canvas.fmt.date(view.cancelled.on)}`,
      { x, y: PAGE.top + 44, width: 260, align: 'right', maxHeight: 16 },
      { size: 13, bold: true, color: '#b91c1c' },
    );
}

function partyLines(canvas: Canvas, party: SalesDocumentView['buyer']): string[] {
  const { labels } = canvas;
  return [
    party.contactName,
    ...addressLines(party.address),
    party.taxId ? `${labels.taxId}: ${party.taxId}` : undefined,
    party.registrationId ? `${labels.registrationId}: ${party.registrationId}` : undefined,
    party.email,
  ].filter((line): line is string => Boolean(line));
}

function metaRows(canvas: Canvas): [string, string][] {
  const { view, labels, fmt } = canvas;
  const rows: [string, string][] = [[labels.number[view.kind], view.number ?? labels.draft]];
  rows.push([labels.issueDate, fmt.date(view.issueDate)]);
  if (view.kind === 'invoice' && view.dueDate) rows.push([labels.dueDate, fmt.date(view.dueDate)]);
  if (view.kind === 'quote' && view.validUntil) rows.push([labels.validUntil, fmt.date(view.validUntil)]);
  if (view.precedingDocumentNumber) {
    const label = view.kind === 'credit_note' ? labels.correctsInvoice : labels.precedingDocument;
    const date = view.precedingDocumentDate ? ` (${fmt.date(view.precedingDocumentDate)})` : '';
    rows.push([label, `${view.precedingDocumentNumber}${date}`]);
  }
  if (view.buyerReference) rows.push([labels.buyerReference, view.buyerReference]);
  return rows;
}

function drawParties(canvas: Canvas): void {
  const { view, labels, palette } = canvas;
  const top = PAGE.top + 76;
  // Sender line above the address (window envelopes), then the buyer.
  const sender = [view.seller.name, ...addressLines(view.seller.address)].join(' · ');
  textAt(
    canvas,
    sender,
    { x: PAGE.left, y: top, width: 270, maxHeight: 9 },
    { size: 6.5, color: palette.muted },
  );
  rule(canvas, top + 10, palette.rule, PAGE.left, PAGE.left + 270);
  const heading = view.kind === 'delivery_note' ? labels.deliverTo : labels.billTo;
  let y = top + 16;
  y += textAt(
    canvas,
    heading.toUpperCase(),
    { x: PAGE.left, y, width: 270 },
    {
      size: 7,
      bold: true,
      color: palette.primary,
    },
  );
  y += 2;
  y += textAt(
    canvas,
    view.buyer.name,
    { x: PAGE.left, y, width: 270, maxHeight: 36 },
    { size: 10.5, bold: true },
  );
  const buyer = partyLines(canvas, view.buyer).join('\n');
  y += textAt(canvas, buyer, { x: PAGE.left, y: y + 1, width: 270, maxHeight: 110 }, { size: 8.5 });

  const x = PAGE.right - META_WIDTH;
  const valueWidth = META_WIDTH - 112;
  const rows = metaRows(canvas).map(([label, value]) => {
    const height = Math.min(measure(canvas, value, valueWidth, { size: 8, bold: true }), 30);
    return { label, value, height: Math.max(height, 11) + 4 };
  });
  fillRect(canvas, x, top - 4, META_WIDTH, rows.reduce((sum, r) => sum + r.height, 0) + 6, palette.accent);
  let metaY = top;
  for (const { label, value, height } of rows) {
    textAt(
      canvas,
      label,
      { x: x + 8, y: metaY, width: 96, maxHeight: 11 },
      { size: 8, color: palette.muted },
    );
    textAt(
      canvas,
      value,
      { x: x + 104, y: metaY, width: valueWidth, align: 'right', maxHeight: height - 4 },
      {
        size: 8,
        bold: true,
      },
    );
    metaY += height;
  }
  canvas.y = Math.max(y, metaY) + 22;
}

function footerColumns(canvas: Canvas): string[] {
  const { view, labels } = canvas;
  const seller = view.seller;
  const bank = seller.bank;
  return [
    [seller.name, ...addressLines(seller.address)].join('\n'),
    [
      seller.taxId ? `${labels.taxId}: ${seller.taxId}` : undefined,
      seller.registrationId ? `${labels.registrationId}: ${seller.registrationId}` : undefined,
      seller.email,
      seller.phone,
    ]
      .filter(Boolean)
      .join('\n'),
    bank?.iban
      ? [bank.bankName, `${labels.iban}: ${bank.iban}`, bank.bic ? `${labels.bic}: ${bank.bic}` : undefined]
          .filter(Boolean)
          .join('\n')
      : '',
  ];
}

/** Footer and page number on every page (pages are buffered until the end so "of y" is known). */
function drawFooters(canvas: Canvas): void {
  const { doc, palette, labels, branding } = canvas;
  const range = doc.bufferedPageRange();
  const columns = footerColumns(canvas);
  const columnWidth = CONTENT_WIDTH / 3;
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const top = PAGE.contentBottom + 18;
    rule(canvas, top - 6, palette.rule);
    columns.forEach((text, column) => {
      textAt(
        canvas,
        text,
        { x: PAGE.left + column * columnWidth, y: top, width: columnWidth - 8, maxHeight: 46 },
        {
          size: 6.5,
          color: palette.muted,
        },
      );
    });
    const bottom = PAGE.height - 26;
    if (branding.footer) {
      textAt(
        canvas,
        branding.footer,
        { x: PAGE.left, y: bottom, width: CONTENT_WIDTH - 90, maxHeight: 16 },
        {
          size: 6.5,
          color: palette.muted,
        },
      );
    }
    const pageLabel = labels.page(index - range.start + 1, range.count);
    textAt(
      canvas,
      pageLabel,
      { x: PAGE.right - 90, y: bottom, width: 90, align: 'right' },
      {
        size: 7,
        color: palette.muted,
      },
    );
  }
}

function toBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** pdfkit, loaded with the first document rather than at start-up. */
const pdfkit = lazy(async () => (await import('pdfkit')).default);

export async function renderDocumentPdf(
  view: SalesDocumentView,
  branding: DocumentBranding,
): Promise<Uint8Array> {
  const labels = labelsFor(view.locale);
  const title = `${labels.title[view.kind]} ${view.number ?? labels.draft}`;
  const issued = new Date(`${view.issueDate.slice(0, 10)}T00:00:00Z`);
  const [PDFDocument, { regular, bold }] = await Promise.all([pdfkit(), fonts()]);
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: 0,
    bufferPages: true,
    // No default font: pdfkit would load Helvetica's metrics for nothing; ours are registered below.
    font: '',
    lang: view.locale,
    displayTitle: true,
    info: {
      Title: cleanText(title),
      Author: cleanText(view.seller.name),
      Creator: 'Tessera',
      ...(Number.isNaN(issued.getTime()) ? {} : { CreationDate: issued }),
    },
  });
  const bytes = toBytes(doc);
  // pdfkit takes a fontkit font object as a source; its types only list files and bytes.
  doc.registerFont('Regular', regular as unknown as Uint8Array);
  doc.registerFont('Bold', bold as unknown as Uint8Array);
  doc.font('Regular');
  const canvas: Canvas = {
    doc,
    view,
    branding,
    labels,
    fmt: formatterFor(view.locale, view.currency),
    palette: paletteFor(branding),
    y: PAGE.top,
  };
  fillRect(canvas, 0, 0, PAGE.width, 6, canvas.palette.primary);
  drawLogoOrName(canvas);
  drawTitle(canvas);
  drawParties(canvas);
  drawLineTable(canvas);
  drawSummary(canvas);
  drawFooters(canvas);
  doc.end();
  return bytes;
}
