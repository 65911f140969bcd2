/**
 * A complete, self-consistent sample document (German seller, Unicode buyer, two VAT rates, line and
 * document discounts). Used for the branding preview, the renderer tests and the PDF benchmark.
 */
import type { DocumentLine, SalesDocumentKind, SalesDocumentView, TaxBreakdownRow } from './document-view.ts';

const PRODUCTS = [
  {
    description: 'Beratung Projektleitung',
    sku: 'SRV-PM',
    unitCode: 'HUR',
    unitLabel: 'h',
    price: 12_000,
    bp: 1900,
  },
  {
    description: 'Über-Kabel 5 m (geschirmt)',
    sku: 'CAB-5M',
    unitCode: 'C62',
    unitLabel: 'Stk.',
    price: 1_990,
    bp: 1900,
  },
  {
    description: 'Fachbuch „Straßenbau heute“',
    sku: 'BK-042',
    unitCode: 'C62',
    unitLabel: 'Stk.',
    price: 4_250,
    bp: 700,
  },
  {
    description: 'Wartungsvertrag, monatlich — inkl. Fernwartung und Telefon-Support',
    sku: 'SRV-MNT',
    unitCode: 'MON',
    unitLabel: 'Mon.',
    price: 29_900,
    bp: 1900,
  },
];

const QUANTITIES = ['2.5', '10', '1', '3', '0.75', '12'];

function taxOf(netMinor: number, bp: number): number {
  return Math.round((netMinor * bp) / 10_000);
}

export function sampleLines(count: number): DocumentLine[] {
  return Array.from({ length: count }, (_, index) => {
    const product = PRODUCTS[index % PRODUCTS.length] as (typeof PRODUCTS)[number];
    const quantity = QUANTITIES[index % QUANTITIES.length] as string;
    const gross = Math.round((Math.round(Number(quantity) * 1000) * product.price) / 1000);
    const discountMinor = index % 5 === 1 ? Math.round(gross / 10) : 0;
    const netMinor = gross - discountMinor;
    const taxMinor = taxOf(netMinor, product.bp);
    return {
      position: index + 1,
      description: product.description,
      sku: product.sku,
      quantity,
      unitCode: product.unitCode,
      unitLabel: product.unitLabel,
      unitPriceMinor: product.price,
      discountMinor,
      taxRateBp: product.bp,
      taxCategory: 'S',
      netMinor,
      taxMinor,
      totalMinor: netMinor + taxMinor,
    };
  });
}

/** Tax breakdown per rate after a document discount taken from the first rate's taxable amount. */
export function breakdownFor(lines: DocumentLine[], documentDiscountMinor: number): TaxBreakdownRow[] {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.taxRateBp, (byRate.get(line.taxRateBp) ?? 0) + line.netMinor);
  let discountLeft = documentDiscountMinor;
  return [...byRate.entries()].map(([taxRateBp, lineNet]) => {
    const taken = Math.min(discountLeft, lineNet);
    discountLeft -= taken;
    const taxableMinor = lineNet - taken;
    return { taxRateBp, taxCategory: 'S', taxableMinor, taxMinor: taxOf(taxableMinor, taxRateBp) };
  });
}

export function sampleDocumentView(kind: SalesDocumentKind = 'invoice', lineCount = 6): SalesDocumentView {
  const lines = sampleLines(lineCount);
  const documentDiscountMinor = kind === 'delivery_note' ? 0 : 5_000;
  const taxBreakdown = breakdownFor(lines, documentDiscountMinor);
  const netMinor = taxBreakdown.reduce((sum, row) => sum + row.taxableMinor, 0);
  const taxMinor = taxBreakdown.reduce((sum, row) => sum + row.taxMinor, 0);
  const totalMinor = netMinor + taxMinor;
  const prefix = { quote: 'ANG', invoice: 'RE', credit_note: 'GS', delivery_note: 'LS' }[kind];
  return {
    kind,
    number: `${prefix}-2026-00042`,
    issueDate: '2026-03-14',
    ...(kind === 'invoice' ? { dueDate: '2026-03-28' } : {}),
    ...(kind === 'quote' ? { validUntil: '2026-04-13' } : {}),
    currency: 'EUR',
    locale: 'de-DE',
    seller: {
      name: 'Müller & Söhne GmbH',
      address: { line1: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
      taxId: 'DE123456789',
      registrationId: 'HRB 765432',
      email: 'rechnung@mueller-soehne.example',
      phone: '+49 711 123456',
      bank: {
        accountName: 'Müller & Söhne GmbH',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        bankName: 'Commerzbank',
      },
    },
    buyer: {
      name: 'Željko Šćepanović',
      contactName: 'Einkauf',
      address: { line1: 'Ulica kralja Petra 7', postalCode: '81000', city: 'Podgorica', country: 'ME' },
      taxId: 'ME02345678',
      email: 'zeljko@example.me',
    },
    lines:
      kind === 'delivery_note'
        ? lines.map((line) => ({
            ...line,
            orderedQuantity: line.quantity,
            quantity: String(Number(line.quantity) / 2 || 1),
          }))
        : lines,
    documentDiscountMinor,
    taxBreakdown,
    netMinor,
    taxMinor,
    totalMinor,
    ...(kind === 'invoice' ? { paidMinor: 10_000, balanceMinor: totalMinor - 10_000 } : {}),
    buyerReference: 'PO-7781',
    ...(kind === 'credit_note' || kind === 'delivery_note'
      ? { precedingDocumentNumber: 'RE-2026-00041', precedingDocumentDate: '2026-03-01' }
      : {}),
    paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
    notes: 'Vielen Dank für Ihren Auftrag!',
  };
}
