/**
 * What the PDF renderer's parts share: the page geometry, the fonts, the colours and a few drawing helpers
 * on top of pdfkit. The font is DejaVu Sans from the `dejavu-fonts-ttf` package, embedded (subset) in every
 * PDF — no system font is read, nothing is fetched (docs/adr/0014-sales-documents-pdf-and-ubl.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { lazy } from '../../../platform/lazy.ts';
import type { DocumentBranding, SalesDocumentView } from './document-view.ts';
import { cleanText, type Formatter } from './format.ts';
import type { DocumentLabels } from './labels.ts';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/**
 * The fonts, read and parsed once per process (fontkit is loaded then, not at start-up). Parsing DejaVu's
 * tables is most of a render's cost, so every document shares these fontkit objects (read-only for pdfkit:
 * each document makes its own subset).
 */
export const fonts = lazy(async (): Promise<{ regular: Font; bold: Font }> => {
  const { create } = await import('fontkit');
  return {
    regular: create(readFileSync(FONT_FILES.regular)) as Font,
    bold: create(readFileSync(FONT_FILES.bold)) as Font,
  };
});

export interface Palette {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  rule: string;
  onPrimary: string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function paletteFor(branding: DocumentBranding): Palette {
  return {
    primary: branding.primaryColor && HEX.test(branding.primaryColor) ? branding.primaryColor : '#1f3a5f',
    accent: branding.accentColor && HEX.test(branding.accentColor) ? branding.accentColor : '#eef2f7',
    text: '#1d2330',
    muted: '#6b7385',
    rule: '#d5dae3',
    onPrimary: '#ffffff',
  };
}

/** A4 in points and the content box; the bottom band holds the footer drawn on every page. */
export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  left: 48,
  right: 595.28 - 48,
  top: 44,
  /** Content must end above this line; the footer lives below it. */
  contentBottom: 841.89 - 104,
} as const;

export const CONTENT_WIDTH = PAGE.right - PAGE.left;

export interface Canvas {
  doc: PDFKit.PDFDocument;
  view: SalesDocumentView;
  branding: DocumentBranding;
  labels: DocumentLabels;
  fmt: Formatter;
  palette: Palette;
  /** The current vertical position on the current page. */
  y: number;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
}

function applyStyle(canvas: Canvas, style: TextStyle): void {
  canvas.doc
    .font(style.bold ? 'Bold' : 'Regular')
    .fontSize(style.size ?? 9)
    .fillColor(style.color ?? canvas.palette.text);
}

/**
 * Writes text in a box at (x, y) without ever letting pdfkit add a page on its own (page breaks are the
 * renderer's decision). Returns the height used.
 */
export function textAt(
  canvas: Canvas,
  value: string,
  box: { x: number; y: number; width: number; align?: 'left' | 'right' | 'center'; maxHeight?: number },
  style: TextStyle = {},
): number {
  const text = cleanText(value);
  if (!text) return 0;
  applyStyle(canvas, style);
  const options: PDFKit.Mixins.TextOptions = { width: box.width, align: box.align ?? 'left', lineGap: 1 };
  const natural = canvas.doc.heightOfString(text, options);
  const height = box.maxHeight !== undefined ? Math.min(natural, box.maxHeight) : natural;
  const page = canvas.doc.page;
  const savedBottom = page.margins.bottom;
  page.margins.bottom = 0;
  canvas.doc.text(text, box.x, box.y, {
    ...options,
    height: Math.max(height, 1),
    ellipsis: natural > height,
  });
  page.margins.bottom = savedBottom;
  return height;
}

/** Height `value` would take in a box of `width` with `style`. */
export function measure(canvas: Canvas, value: string, width: number, style: TextStyle = {}): number {
  const text = cleanText(value);
  if (!text) return 0;
  applyStyle(canvas, style);
  return canvas.doc.heightOfString(text, { width, lineGap: 1 });
}

export function fillRect(
  canvas: Canvas,
  x: number,
  y: number,
  width: number,
  height: number,
  color: string,
): void {
  canvas.doc.save().rect(x, y, width, height).fill(color).restore();
}

export function rule(
  canvas: Canvas,
  y: number,
  color = canvas.palette.rule,
  x1 = PAGE.left,
  x2 = PAGE.right,
): void {
  canvas.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(color).stroke().restore();
}

/** Starts a new page with a one-line "continued" header; returns the y where content may start. */
export function continuationPage(canvas: Canvas): void {
  canvas.doc.addPage();
  const { view, labels, palette } = canvas;
  fillRect(canvas, 0, 0, PAGE.width, 5, palette.primary);
  const title = `${labels.title[view.kind]} ${view.number ?? labels.draft} · ${labels.continued}`;
  textAt(canvas, title, { x: PAGE.left, y: PAGE.top - 10, width: CONTENT_WIDTH }, { size: 9, bold: true });
  canvas.y = PAGE.top + 12;
}

/** Moves to a new page when `height` does not fit on this one. */
export function ensureSpace(canvas: Canvas, height: number): void {
  if (canvas.y + height > PAGE.contentBottom) continuationPage(canvas);
}

export function addressLines(address: SalesDocumentView['buyer']['address']): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter(
    (line): line is string => Boolean(line?.trim()),
  );
}
