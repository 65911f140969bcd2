import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../../src/modules/sales/rendering/document-pdf.ts';
import type { SalesDocumentView } from '../../src/modules/sales/rendering/document-view.ts';
import { handDocument, handInvoice } from './document-views.ts';
import { pdfPages, pdfSource } from './pdf-text.ts';
import { samplePng } from './sample-png.ts';

const branding = { footer: 'Müller & Söhne GmbH · Geschäftsführer: Hans Müller', primaryColor: '#0b5c4a' };

describe('renderDocumentPdf', () => {
  it('renders an invoice with number, parties, lines, tax breakdown and totals in the document locale', async () => {
    const pdf = await renderDocumentPdf(handInvoice(), branding);
    expect(pdfSource(pdf).startsWith('%PDF-')).toBe(true);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const page = pages[0];
    for (const expected of [
      'RECHNUNG',
      'RE-2026-00017',
      'Željko Šćepanović',
      'Müller & Söhne GmbH',
      'Königstraße 12',
      'USt-IdNr.: ME02345678',
      'USt-IdNr.: DE123456789',
      '14.03.2026',
      '28.03.2026',
      'PO-7781',
      // lines: description, quantity with unit, unit price, discount, rate, amount
      'Beratung vor Ort',
      '2,5 h 120,00 € 19 % 300,00 €',
      'Über-Kabel 5 m',
      '10 Stk. 19,90 € −19,90 € 19 % 179,10 €',
      'Fachbuch „Straßenbau“',
      '1 Stk. 42,50 € 7 % 42,50 €',
      '3 Mon. 299,00 € 19 % 897,00 €',
      // totals
      'Zwischensumme 1.418,60 €',
      'Rabatt −20,00 €',
      'Nettobetrag 1.398,60 €',
      'USt. 19 % auf 1.356,10 € 257,66 €',
      'USt. 7 % auf 42,50 € 2,98 €',
      'Gesamtbetrag 1.659,24 €',
      'Bezahlt −100,00 €',
      'Offener Betrag 1.559,24 €',
      // payment details and footer
      'IBAN: DE89 3704 0044 0532 0130 00',
      'BIC: COBADEFFXXX',
      'Verwendungszweck: RE-2026-00017',
      'Zahlbar innerhalb von 14 Tagen.',
      'Danke für Ihren Auftrag.',
      'Geschäftsführer: Hans Müller',
      'Seite 1 von 1',
    ]) {
      expect(page, expected).toContain(expected);
    }
  });

  it('formats money, dates and words by the locale and currency', async () => {
    const view = handInvoice({
      locale: 'en-US',
      currency: 'USD',
      creditedMinor: 5_000,
      balanceMinor: 150_924,
    });
    const [page] = await pdfPages(await renderDocumentPdf(view, {}));
    expect(page).toContain('INVOICE');
    expect(page).toContain('Total $1,659.24');
    expect(page).toContain('VAT 19% on $1,356.10 $257.66');
    expect(page).toContain('Paid −$100.00 Credited −$50.00 Balance due $1,509.24');
    expect(page).toContain('Mar 14, 2026');
    expect(page).toContain('Page 1 of 1');
    expect(page).not.toContain('€');
  });

  it('embeds the bundled DejaVu Sans (subset) and uses no standard PDF font', async () => {
    const source = pdfSource(await renderDocumentPdf(handInvoice(), {}));
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(source).toContain('/FontFile2');
    expect(source).toContain('/ToUnicode');
    expect(source).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('renders a quote, a credit note and a delivery note with what each kind shows', async () => {
    const [quote] = await pdfPages(await renderDocumentPdf(handDocument('quote'), {}));
    expect(quote).toContain('ANGEBOT');
    expect(quote).toContain('Gültig bis 13.04.2026');
    expect(quote).toContain('Gesamtbetrag 1.659,24 €');
    expect(quote).not.toContain('Offener Betrag');
    expect(quote).not.toContain('Verwendungszweck');

    const [credit] = await pdfPages(
      await renderDocumentPdf(handDocument('credit_note', { locale: 'en-GB' }), {}),
    );
    expect(credit).toContain('CREDIT NOTE');
    expect(credit).toContain('GS-2026-00003');
    expect(credit).toContain('Corrects invoice RE-2026-00017 (14 Mar 2026)');
    expect(credit).toContain('Total €1,659.24');

    const [delivery] = await pdfPages(await renderDocumentPdf(handDocument('delivery_note'), {}));
    expect(delivery).toContain('LIEFERSCHEIN');
    expect(delivery).toContain('Bestellt Geliefert');
    expect(delivery).toContain('Wartungsvertrag SKU-4 3 Mon. 1 Mon.');
    expect(delivery).toContain('Ware in einwandfreiem Zustand erhalten');
    expect(delivery).not.toContain('€');
  });

  it('breaks many lines over pages, repeating the table header and numbering the pages', async () => {
    const base = handInvoice();
    const lines = Array.from({ length: 130 }, (_, index) => ({
      ...(base.lines[index % base.lines.length] as SalesDocumentView['lines'][number]),
      position: index + 1,
      description: `Position ${index + 1} — Šćepanović Ü`,
    }));
    const pages = await pdfPages(await renderDocumentPdf({ ...base, lines }, {}));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Seite ${index + 1} von ${pages.length}`);
      expect(page).toContain('Pos. Beschreibung Menge Einzelpreis Rabatt USt. Betrag');
      if (index > 0) expect(page).toContain('Rechnung RE-2026-00017 · Fortsetzung');
    });
    const all = pages.join(' ');
    for (let position = 1; position <= 130; position++) {
      expect(all.split(`Position ${position} — Šćepanović Ü`).length - 1, `line ${position}`).toBe(1);
    }
    expect(pages.at(-1)).toContain('Gesamtbetrag 1.659,24 €');
  });

  it('draws the logo when there is one and falls back to the name for bytes that are no image', async () => {
    const withLogo = pdfSource(await renderDocumentPdf(handInvoice(), { logo: samplePng() }));
    expect(withLogo).toContain('/Subtype /Image');
    const broken = await renderDocumentPdf(handInvoice(), {
      logo: new Uint8Array([1, 2, 3, 4]),
      primaryColor: 'red;',
    });
    expect(pdfSource(broken)).not.toContain('/Subtype /Image');
    const [page] = await pdfPages(broken);
    expect(page?.startsWith('Müller & Söhne GmbH')).toBe(true);
  });

  it('survives hostile text: NUL bytes, controls, lone surrogates, huge descriptions, drafts', async () => {
    const base = handInvoice();
    const huge = 'Sehr lange Beschreibung '.repeat(800);
    const view: SalesDocumentView = {
      ...base,
      number: null,
      locale: 'xx-invalid-@@',
      buyer: { ...base.buyer, name: 'Željko\u0000 Šćepanović\u0007 \ud800 😀 שלום' },
      lines: [
        { ...(base.lines[0] as SalesDocumentView['lines'][number]), description: huge },
        ...base.lines.slice(1),
      ],
      notes: '<script>alert(1)</script>\u0000',
    };
    const pages = await pdfPages(await renderDocumentPdf(view, {}));
    const all = pages.join(' ');
    expect(all).toContain('Draft');
    expect(all).toContain('Željko Šćepanović');
    expect(all).not.toContain('\u0000');
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('Fachbuch „Straßenbau“');
  });
});
