/**
 * What follows the line table: the totals block (with the tax breakdown per rate), payment details, notes,
 * and for delivery notes the receipt signature line.
 */
import {
  type Canvas,
  CONTENT_WIDTH,
  ensureSpace,
  fillRect,
  measure,
  PAGE,
  rule,
  textAt,
} from './pdf-canvas.ts';

const TOTALS_WIDTH = 260;
const ROW = 15;

interface TotalRow {
  label: string;
  value: string;
  note?: string;
  strong?: boolean;
}

function totalRows(canvas: Canvas): { rows: TotalRow[]; total: TotalRow; after: TotalRow[] } {
  const { view, labels, fmt } = canvas;
  const rows: TotalRow[] = [];
  if (view.documentDiscountMinor !== 0) {
    const lineSum = view.lines.reduce((sum, l) => sum + l.netMinor, 0);
    rows.push({ label: labels.subtotal, value: fmt.money(lineSum) });
    rows.push({ label: labels.documentDiscount, value: `−${fmt.money(view.documentDiscountMinor)}` });
  }
  rows.push({ label: labels.net, value: fmt.money(view.netMinor) });
  for (const tax of view.taxBreakdown) {
    rows.push({
      label: labels.taxOn(fmt.percent(tax.taxRateBp), fmt.money(tax.taxableMinor)),
      value: fmt.money(tax.taxMinor),
      ...(tax.exemptionReason ? { note: tax.exemptionReason } : {}),
    });
  }
  const total = { label: labels.total, value: fmt.money(view.totalMinor), strong: true };
  const after: TotalRow[] = [];
  const paid = view.paidMinor ?? 0;
  const credited = view.creditedMinor ?? 0;
  if (paid) after.push({ label: labels.paid, value: `−${fmt.money(paid)}` });
  if (credited) after.push({ label: labels.credited, value: `−${fmt.money(credited)}` });
  if (paid || credited) {
    const balance = view.balanceMinor ?? view.totalMinor - paid - credited;
    after.push({ label: labels.balance, value: fmt.money(balance), strong: true });
  }
  return { rows, total, after };
}

function rowHeight(canvas: Canvas, row: TotalRow): number {
  return ROW + (row.note ? measure(canvas, row.note, TOTALS_WIDTH - 12, { size: 7 }) : 0);
}

function drawRow(canvas: Canvas, row: TotalRow, x: number): void {
  const half = TOTALS_WIDTH - 12;
  textAt(canvas, row.label, { x: x + 6, y: canvas.y + 3, width: half - 90 }, { size: 8.5, bold: row.strong });
  textAt(
    canvas,
    row.value,
    { x: x + 6, y: canvas.y + 3, width: half, align: 'right' },
    { size: 8.5, bold: row.strong },
  );
  canvas.y += ROW;
  if (row.note) {
    canvas.y += textAt(
      canvas,
      row.note,
      { x: x + 6, y: canvas.y - 2, width: half },
      { size: 7, color: canvas.palette.muted },
    );
  }
}

function totalsHeight(canvas: Canvas): number {
  const { rows, after } = totalRows(canvas);
  return [...rows, ...after].reduce((sum, r) => sum + rowHeight(canvas, r), 0) + 28;
}

function drawTotals(canvas: Canvas): void {
  const { rows, total, after } = totalRows(canvas);
  const x = PAGE.right - TOTALS_WIDTH;
  for (const row of rows) drawRow(canvas, row, x);
  canvas.y += 3;
  fillRect(canvas, x, canvas.y, TOTALS_WIDTH, 22, canvas.palette.primary);
  const color = canvas.palette.onPrimary;
  textAt(canvas, total.label, { x: x + 6, y: canvas.y + 5.5, width: 120 }, { size: 10.5, bold: true, color });
  textAt(
    canvas,
    total.value,
    { x: x + 6, y: canvas.y + 5.5, width: TOTALS_WIDTH - 12, align: 'right' },
    { size: 10.5, bold: true, color },
  );
  canvas.y += 25;
  for (const row of after) drawRow(canvas, row, x);
}

interface Block {
  title: string;
  body: string;
}

const BLOCK_TITLE = 11;
const BLOCK_GAP = 10;

function blocksHeight(canvas: Canvas, blocks: Block[], width: number): number {
  return blocks.reduce(
    (sum, b) => sum + BLOCK_TITLE + measure(canvas, b.body, width, { size: 8.5 }) + BLOCK_GAP,
    0,
  );
}

/** Titled blocks of text stacked at x from the current y, cut off at the page's content bottom. */
function drawBlocks(canvas: Canvas, blocks: Block[], x: number, width: number): void {
  for (const block of blocks) {
    textAt(
      canvas,
      block.title.toUpperCase(),
      { x, y: canvas.y, width },
      {
        size: 7,
        bold: true,
        color: canvas.palette.primary,
      },
    );
    canvas.y += BLOCK_TITLE;
    const available = Math.max(PAGE.contentBottom - canvas.y, 10);
    canvas.y += textAt(canvas, block.body, { x, y: canvas.y, width, maxHeight: available }, { size: 8.5 });
    canvas.y += BLOCK_GAP;
  }
}

function paymentDetails(canvas: Canvas): string | undefined {
  const { view, labels } = canvas;
  const bank = view.seller.bank;
  if (!bank?.iban) return undefined;
  const lines = [
    bank.accountName ? `${labels.accountName}: ${bank.accountName}` : undefined,
    `${labels.iban}: ${bank.iban.replace(/(.{4})(?=.)/g, '$1 ')}`,
    bank.bic ? `${labels.bic}: ${bank.bic}` : undefined,
    bank.bankName ? `${labels.bank}: ${bank.bankName}` : undefined,
    view.number ? `${labels.paymentReference}: ${view.number}` : undefined,
  ];
  return lines.filter(Boolean).join('\n');
}

function drawSignature(canvas: Canvas): void {
  ensureSpace(canvas, 60);
  canvas.y += 34;
  rule(canvas, canvas.y, canvas.palette.muted, PAGE.left, PAGE.left + 260);
  textAt(
    canvas,
    canvas.labels.received,
    { x: PAGE.left, y: canvas.y + 4, width: 260 },
    {
      size: 7.5,
      color: canvas.palette.muted,
    },
  );
  canvas.y += 20;
}

const SIDE_WIDTH = CONTENT_WIDTH - TOTALS_WIDTH - 28;

export function drawSummary(canvas: Canvas): void {
  const { view, labels } = canvas;
  if (view.kind === 'delivery_note') {
    const blocks: Block[] = [];
    if (view.cancelled) blocks.push({ title: labels.cancelled, body: view.cancelled.reason });
    if (view.notes) blocks.push({ title: labels.notes, body: view.notes });
    if (blocks.length > 0) {
      ensureSpace(canvas, Math.min(blocksHeight(canvas, blocks, CONTENT_WIDTH), 120));
      drawBlocks(canvas, blocks, PAGE.left, CONTENT_WIDTH);
    }
    drawSignature(canvas);
    return;
  }
  // Payment terms and bank details beside the totals; notes below, full width.
  const side: Block[] = [];
  if (view.paymentTerms) side.push({ title: labels.paymentTerms, body: view.paymentTerms });
  const payment = view.kind === 'invoice' ? paymentDetails(canvas) : undefined;
  if (payment) side.push({ title: labels.paymentDetails, body: payment });
  const height = Math.max(totalsHeight(canvas), blocksHeight(canvas, side, SIDE_WIDTH));
  ensureSpace(canvas, Math.min(height, 300));
  const top = canvas.y;
  drawTotals(canvas);
  const totalsBottom = canvas.y;
  canvas.y = top;
  drawBlocks(canvas, side, PAGE.left, SIDE_WIDTH);
  canvas.y = Math.max(canvas.y, totalsBottom) + 12;
  if (view.notes) {
    const notes = [{ title: labels.notes, body: view.notes }];
    ensureSpace(canvas, Math.min(blocksHeight(canvas, notes, CONTENT_WIDTH), 120));
    drawBlocks(canvas, notes, PAGE.left, CONTENT_WIDTH);
  }
}
