import { parseArgs } from 'node:util';
import { renderDocumentPdf } from '../src/modules/sales/rendering/document-pdf.ts';
import { documentUbl } from '../src/modules/sales/rendering/document-ubl.ts';
import { sampleDocumentView } from '../src/modules/sales/rendering/sample-document.ts';

// node bench/pdf-render.ts [--seconds 3]
// Renders the sample invoice (seller, Unicode buyer, two VAT rates, discounts, embedded DejaVu Sans subset) one
// after another on one core for --seconds per case, after a short warm-up (font parsing happens once per
// process and is excluded). Also a long invoice (100 lines, 7 pages) and the UBL XML export. Method:
// docs/performance.md.

export interface RenderCase {
  name: string;
  renders: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

async function measure(name: string, seconds: number, run: () => Promise<number>): Promise<RenderCase> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const t0 = performance.now();
    bytes = await run();
    times.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    renders: times.length,
    perSecond: round(times.length / elapsed),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    bytes,
  };
}

export async function pdfRenderRate(seconds: number): Promise<RenderCase[]> {
  const invoice = sampleDocumentView('invoice', 6);
  const long = sampleDocumentView('invoice', 100);
  const branding = {
    primaryColor: '#0b5c4a',
    footer: 'Müller & Söhne GmbH · Amtsgericht Stuttgart HRB 765432',
  };
  return [
    await measure(
      'PDF invoice, 6 lines (1 page)',
      seconds,
      async () => (await renderDocumentPdf(invoice, branding)).length,
    ),
    await measure(
      'PDF invoice, 100 lines',
      seconds,
      async () => (await renderDocumentPdf(long, branding)).length,
    ),
    await measure('UBL 2.1 XML invoice, 6 lines', seconds, async () => documentUbl(invoice).length),
  ];
}

export function pdfRenderLines(cases: RenderCase[], seconds: number): string[] {
  return [
    `document rendering (one core, ${seconds} s per case, sequential):`,
    ...cases.map(
      (c) =>
        `  ${c.name}: ${c.perSecond}/s (${c.renders} renders), p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms, ${Math.round(c.bytes / 1024)} KiB`,
    ),
  ];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
  const seconds = Number(values.seconds);
  for (const line of pdfRenderLines(await pdfRenderRate(seconds), seconds)) console.log(line);
}
