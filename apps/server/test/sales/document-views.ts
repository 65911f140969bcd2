import type {
  SalesDocumentKind,
  SalesDocumentView,
} from '../../src/modules/sales/rendering/document-view.ts';

/**
 * A hand-computed invoice (numbers checked by hand, not by the code under test):
 *   1  2.5 h × 120.00            = 300.00        19 %
 *   2  10 × 19.90 − 19.90        = 179.10        19 %
 *   3  1 × 42.50                 =  42.50         7 %
 *   4  3 × 299.00                = 897.00        19 %
 *   lines 1,418.60 − document discount 20.00 (from 19 %) = net 1,398.60
 *   VAT 19 % on 1,356.10 = 257.66 (257.659); VAT 7 % on 42.50 = 2.98 (2.975, half up)
 *   total 1,659.24; paid 100.00; balance 1,559.24
 */
export function handInvoice(overrides: Partial<SalesDocumentView> = {}): SalesDocumentView {
  return {
    kind: 'invoice',
    number: 'RE-2026-00017',
    issueDate: '2026-03-14',
    dueDate: '2026-03-28',
    currency: 'EUR',
    locale: 'de-DE',
    seller: {
      name: 'Müller & Söhne GmbH',
      address: { line1: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
      taxId: 'DE123456789',
      registrationId: 'HRB 765432',
      email: 'rechnung@mueller.example',
      bank: {
        accountName: 'Müller & Söhne GmbH',
        iban: 'DE89 3704 0044 0532 0130 00',
        bic: 'COBADEFFXXX',
        bankName: 'Commerzbank',
      },
    },
    buyer: {
      name: 'Željko Šćepanović',
      address: { line1: 'Ulica kralja Petra 7', postalCode: '81000', city: 'Podgorica', country: 'ME' },
      taxId: 'ME02345678',
      email: 'zeljko@example.me',
    },
    lines: [
      line(1, 'Beratung vor Ort', '2.5', 12_000, 0, 1900, 30_000, 'HUR', 'h'),
      line(2, 'Über-Kabel 5 m', '10', 1_990, 1_990, 1900, 17_910, 'C62', 'Stk.'),
      line(3, 'Fachbuch „Straßenbau“', '1', 4_250, 0, 700, 4_250, 'C62', 'Stk.'),
      line(4, 'Wartungsvertrag', '3', 29_900, 0, 1900, 89_700, 'MON', 'Mon.'),
    ],
    documentDiscountMinor: 2_000,
    taxBreakdown: [
      { taxRateBp: 1900, taxCategory: 'S', taxableMinor: 135_610, taxMinor: 25_766 },
      { taxRateBp: 700, taxCategory: 'S', taxableMinor: 4_250, taxMinor: 298 },
    ],
    netMinor: 139_860,
    taxMinor: 26_064,
    totalMinor: 165_924,
    paidMinor: 10_000,
    balanceMinor: 155_924,
    buyerReference: 'PO-7781',
    paymentTerms: 'Zahlbar innerhalb von 14 Tagen.',
    notes: 'Danke für Ihren Auftrag.',
    ...overrides,
  };
}

function line(
  position: number,
  description: string,
  quantity: string,
  unitPriceMinor: number,
  discountMinor: number,
  taxRateBp: number,
  netMinor: number,
  unitCode: string,
  unitLabel: string,
): SalesDocumentView['lines'][number] {
  const taxMinor = Math.round((netMinor * taxRateBp) / 10_000);
  return {
    position,
    description,
    sku: `SKU-${position}`,
    quantity,
    unitCode,
    unitLabel,
    unitPriceMinor,
    discountMinor,
    taxRateBp,
    taxCategory: 'S',
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
  };
}

/** The same document as another kind (credit notes refer to the invoice; no payments on them). */
export function handDocument(
  kind: SalesDocumentKind,
  overrides: Partial<SalesDocumentView> = {},
): SalesDocumentView {
  const base = handInvoice();
  const { paidMinor: _paid, balanceMinor: _balance, dueDate: _due, ...rest } = base;
  const byKind: Record<SalesDocumentKind, Partial<SalesDocumentView>> = {
    invoice: base,
    quote: { number: 'ANG-2026-00005', validUntil: '2026-04-13' },
    credit_note: {
      number: 'GS-2026-00003',
      precedingDocumentNumber: 'RE-2026-00017',
      precedingDocumentDate: '2026-03-14',
    },
    delivery_note: {
      number: 'LS-2026-00009',
      precedingDocumentNumber: 'RE-2026-00017',
      lines: base.lines.map((l) => ({
        ...l,
        orderedQuantity: l.quantity,
        quantity: l.position === 4 ? '1' : l.quantity,
      })),
    },
  };
  return { ...(kind === 'invoice' ? base : rest), kind, ...byKind[kind], ...overrides };
}
