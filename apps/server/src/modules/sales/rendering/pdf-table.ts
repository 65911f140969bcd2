/**
 * The line-item table: columns depend on the document kind (delivery notes show ordered/delivered
 * quantities and no prices); rows break onto new pages with the header repeated.
 */
import type { DocumentLine } from './document-view.ts';
import {
  type Canvas,
  CONTENT_WIDTH,
  continuationPage,
  fillRect,
  measure,
  PAGE,
  rule,
  textAt,
} from './pdf-canvas.ts';

interface Column {
  header: string;
  /** Fixed width; the description column takes what is left. */
  width?: number;
  align: 'left' | 'right';
  cell(line: DocumentLine): string;
  /** A second, smaller line under the main text (e.g. the SKU). */
  sub?(line: DocumentLine): string | undefined;
}

const PAD_X = 5;
const PAD_Y = 5;
const BODY = 8.5;
const SUB = 7;
const HEADER_HEIGHT = 20;

function columnsFor(canvas: Canvas): Column[] {
  const { view, labels, fmt } = canvas;
  const qty = (value: string, line: DocumentLine) =>
    line.unitLabel ? `${fmt.quantity(value)} ${line.unitLabel}` : fmt.quantity(value);
  const position: Column = {
    header: labels.position,
    width: 28,
    align: 'left',
    cell: (l) => String(l.position),
  };
  const description: Column = {
    header: labels.description,
    align: 'left',
    cell: (l) => l.description,
    sub: (l) => (view.kind === 'delivery_note' ? undefined : l.sku),
  };
  if (view.kind === 'delivery_note') {
    return [
      position,
      description,
      { header: 'SKU', width: 90, align: 'left', cell: (l) => l.sku ?? '' },
      {
        header: labels.ordered,
        width: 70,
        align: 'right',
        cell: (l) => qty(l.orderedQuantity ?? l.quantity, l),
      },
      { header: labels.delivered, width: 70, align: 'right', cell: (l) => qty(l.quantity, l) },
    ];
  }
  const columns: Column[] = [
    position,
    description,
    { header: labels.quantity, width: 58, align: 'right', cell: (l) => qty(l.quantity, l) },
    { header: labels.unitPrice, width: 74, align: 'right', cell: (l) => fmt.money(l.unitPriceMinor) },
  ];
  if (view.lines.some((l) => l.discountMinor !== 0)) {
    columns.push({
      header: labels.discount,
      width: 64,
      align: 'right',
      cell: (l) => (l.discountMinor ? `−${fmt.money(l.discountMinor)}` : ''),
    });
  }
  columns.push(
    { header: labels.tax, width: 42, align: 'right', cell: (l) => fmt.percent(l.taxRateBp) },
    { header: labels.amount, width: 80, align: 'right', cell: (l) => fmt.money(l.netMinor) },
  );
  return columns;
}

interface Placed extends Column {
  x: number;
  w: number;
}

function place(columns: Column[]): Placed[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  let x = PAGE.left;
  return columns.map((c) => {
    const w = c.width ?? CONTENT_WIDTH - fixed;
    const placed = { ...c, x, w };
    x += w;
    return placed;
  });
}

function drawHeader(canvas: Canvas, columns: Placed[]): void {
  fillRect(canvas, PAGE.left, canvas.y, CONTENT_WIDTH, HEADER_HEIGHT, canvas.palette.primary);
  for (const c of columns) {
    textAt(
      canvas,
      c.header,
      { x: c.x + PAD_X, y: canvas.y + 6, width: c.w - 2 * PAD_X, align: c.align, maxHeight: 10 },
      { size: 7.5, bold: true, color: canvas.palette.onPrimary },
    );
  }
  canvas.y += HEADER_HEIGHT;
}

/** The tallest a row may be: one empty page below the repeated header. */
const MAX_ROW = PAGE.contentBottom - (PAGE.top + 12) - HEADER_HEIGHT - 2 * PAD_Y;

function rowHeight(canvas: Canvas, columns: Placed[], line: DocumentLine): number {
  let height = 0;
  for (const c of columns) {
    const main = measure(canvas, c.cell(line), c.w - 2 * PAD_X, { size: BODY });
    const sub = c.sub?.(line);
    const subHeight = sub ? measure(canvas, sub, c.w - 2 * PAD_X, { size: SUB }) + 1 : 0;
    height = Math.max(height, main + subHeight);
  }
  return Math.min(height, MAX_ROW);
}

export function drawLineTable(canvas: Canvas): void {
  const columns = place(columnsFor(canvas));
  drawHeader(canvas, columns);
  canvas.view.lines.forEach((line, index) => {
    const inner = rowHeight(canvas, columns, line);
    const height = inner + 2 * PAD_Y;
    if (canvas.y + height > PAGE.contentBottom) {
      continuationPage(canvas);
      drawHeader(canvas, columns);
    }
    if (index % 2 === 1) fillRect(canvas, PAGE.left, canvas.y, CONTENT_WIDTH, height, canvas.palette.accent);
    for (const c of columns) {
      const box = { x: c.x + PAD_X, width: c.w - 2 * PAD_X, align: c.align };
      const used = textAt(
        canvas,
        c.cell(line),
        { ...box, y: canvas.y + PAD_Y, maxHeight: inner },
        { size: BODY },
      );
      const sub = c.sub?.(line);
      if (sub && used < inner) {
        textAt(
          canvas,
          sub,
          { ...box, y: canvas.y + PAD_Y + used + 1, maxHeight: inner - used - 1 },
          { size: SUB, color: canvas.palette.muted },
        );
      }
    }
    canvas.y += height;
    rule(canvas, canvas.y);
  });
  canvas.y += 10;
}
