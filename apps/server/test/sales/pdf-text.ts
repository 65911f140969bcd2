import { extractText } from 'unpdf';

/** The text of each page (PDF.js via unpdf), whitespace (incl. the no-break spaces Intl uses) collapsed. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  // PDF.js may detach the buffer it is given: hand it a copy.
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((page) => page.replace(/\s+/gu, ' ').trim());
}

/** Raw PDF bytes as latin1 text, for looking at the file's objects (fonts, images). */
export function pdfSource(pdf: Uint8Array): string {
  return Buffer.from(pdf).toString('latin1');
}
