import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentUbl,
  PEPPOL_CUSTOMIZATION_ID,
  PEPPOL_PROFILE_ID,
} from '../../src/modules/sales/rendering/document-ubl.ts';
import type {
  DocumentLine,
  SalesDocumentView,
  TaxCategory,
} from '../../src/modules/sales/rendering/document-view.ts';
import { handDocument, handInvoice } from './document-views.ts';
import { blocks, en16931Violations, value, values } from './ubl-rules.ts';
import { validateUbl } from './ubl-schema.ts';

async function expectValid(xml: string): Promise<void> {
  const result = await validateUbl(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('documentUbl — UBL 2.1 / EN 16931', () => {
  it('writes an invoice valid against the official UBL 2.1 XSD with the Peppol BIS 3.0 fields', async () => {
    const xml = documentUbl(handInvoice());
    await expectValid(xml);
    expect(en16931Violations(xml)).toEqual([]);
    expect(value(xml, 'cbc:CustomizationID')).toBe(PEPPOL_CUSTOMIZATION_ID);
    expect(value(xml, 'cbc:ProfileID')).toBe(PEPPOL_PROFILE_ID);
    expect(value(xml, 'cbc:ID')).toBe('RE-2026-00017');
    expect(value(xml, 'cbc:InvoiceTypeCode')).toBe('380');
    expect(value(xml, 'cbc:DueDate')).toBe('2026-03-28');
    expect(value(xml, 'cbc:BuyerReference')).toBe('PO-7781');
    const seller = blocks(xml, 'cac:AccountingSupplierParty')[0] ?? '';
    const buyer = blocks(xml, 'cac:AccountingCustomerParty')[0] ?? '';
    expect(value(blocks(seller, 'cac:PartyTaxScheme')[0] ?? '', 'cbc:CompanyID')).toBe('DE123456789');
    expect(value(blocks(buyer, 'cac:PartyTaxScheme')[0] ?? '', 'cbc:CompanyID')).toBe('ME02345678');
    expect(value(buyer, 'cbc:RegistrationName')).toBe('Željko Šćepanović');
    expect(value(seller, 'cbc:RegistrationName')).toBe('Müller &amp; Söhne GmbH');
    const payment = blocks(xml, 'cac:PaymentMeans')[0] ?? '';
    expect(value(payment, 'cbc:PaymentMeansCode')).toBe('58');
    expect(value(blocks(payment, 'cac:PayeeFinancialAccount')[0] ?? '', 'cbc:ID')).toBe(
      'DE89370400440532013000',
    );
    // Totals exactly as the view has them (hand-computed in document-views.ts).
    const totals = blocks(xml, 'cac:LegalMonetaryTotal')[0] ?? '';
    expect(value(totals, 'cbc:LineExtensionAmount')).toBe('1418.60');
    expect(value(totals, 'cbc:AllowanceTotalAmount')).toBe('20.00');
    expect(value(totals, 'cbc:TaxExclusiveAmount')).toBe('1398.60');
    expect(value(totals, 'cbc:TaxInclusiveAmount')).toBe('1659.24');
    expect(value(totals, 'cbc:PrepaidAmount')).toBe('100.00');
    expect(value(totals, 'cbc:PayableAmount')).toBe('1559.24');
    const subtotals = blocks(xml, 'cac:TaxSubtotal');
    expect(
      subtotals.map((s) => [
        value(s, 'cbc:Percent'),
        value(s, 'cbc:TaxableAmount'),
        value(s, 'cbc:TaxAmount'),
      ]),
    ).toEqual([
      ['19', '1356.10', '257.66'],
      ['7', '42.50', '2.98'],
    ]);
    const lines = blocks(xml, 'cac:InvoiceLine');
    expect(lines).toHaveLength(4);
    expect(values(xml, 'cbc:InvoicedQuantity')).toEqual(['2.5', '10', '1', '3']);
    expect(value(lines[1] ?? '', 'cbc:Amount')).toBe('19.90');
  });

  it('writes a credit note valid against the XSD, referring to the corrected invoice', async () => {
    const xml = documentUbl(handDocument('credit_note'));
    await expectValid(xml);
    expect(en16931Violations(xml)).toEqual([]);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(value(xml, 'cbc:CreditNoteTypeCode')).toBe('381');
    const reference = blocks(xml, 'cac:InvoiceDocumentReference')[0] ?? '';
    expect(value(reference, 'cbc:ID')).toBe('RE-2026-00017');
    expect(value(reference, 'cbc:IssueDate')).toBe('2026-03-14');
    expect(values(xml, 'cbc:CreditedQuantity')).toHaveLength(4);
    expect(xml).not.toContain('cbc:PrepaidAmount');
  });

  it('the XSD check can fail: a misplaced element and a missing mandatory one are reported', async () => {
    const xml = documentUbl(handInvoice());
    const misplaced = xml
      .replace(/ {2}<cbc:DocumentCurrencyCode>EUR<\/cbc:DocumentCurrencyCode>\n/, '')
      .replace(
        '</cac:LegalMonetaryTotal>',
        '</cac:LegalMonetaryTotal>\n  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>',
      );
    expect((await validateUbl(misplaced)).valid).toBe(false);
    const noTotals = xml.replace(/<cac:LegalMonetaryTotal>[\s\S]*<\/cac:LegalMonetaryTotal>/, '');
    expect((await validateUbl(noTotals)).valid).toBe(false);
  });

  it('the business-rule check can fail: tampered totals and a wrong category split are reported', () => {
    const xml = documentUbl(handInvoice());
    const payable = xml.replace('currencyID="EUR">1559.24<', 'currencyID="EUR">1559.25<');
    expect(en16931Violations(payable)).toEqual([
      'BR-CO-16: PayableAmount = TaxInclusiveAmount − PrepaidAmount',
    ]);
    // The whole document discount put on the 7 % category although the view took it from 19 %.
    const wrongSplit = documentUbl({
      ...handInvoice(),
      taxBreakdown: [
        { taxRateBp: 1900, taxCategory: 'S', taxableMinor: 137_610, taxMinor: 26_146 },
        { taxRateBp: 700, taxCategory: 'S', taxableMinor: 2_250, taxMinor: 158 },
      ],
    });
    expect(en16931Violations(wrongSplit)).toContain('BR-CO-14: TaxAmount = sum of TaxSubtotal amounts');
  });

  it('breaks VAT down per category: zero-rated, reverse charge and out-of-scope with exemption reasons', async () => {
    const base = handInvoice();
    const lines: DocumentLine[] = [
      {
        ...(base.lines[0] as DocumentLine),
        taxCategory: 'S',
        taxRateBp: 1900,
        taxMinor: 5_700,
        totalMinor: 35_700,
      },
      { ...(base.lines[1] as DocumentLine), taxCategory: 'Z', taxRateBp: 0, taxMinor: 0, totalMinor: 17_910 },
      { ...(base.lines[2] as DocumentLine), taxCategory: 'AE', taxRateBp: 0, taxMinor: 0, totalMinor: 4_250 },
      { ...(base.lines[3] as DocumentLine), taxCategory: 'O', taxRateBp: 0, taxMinor: 0, totalMinor: 89_700 },
    ];
    const view: SalesDocumentView = {
      ...base,
      lines,
      documentDiscountMinor: 0,
      taxBreakdown: [
        { taxCategory: 'S', taxRateBp: 1900, taxableMinor: 30_000, taxMinor: 5_700 },
        { taxCategory: 'Z', taxRateBp: 0, taxableMinor: 17_910, taxMinor: 0 },
        {
          taxCategory: 'AE',
          taxRateBp: 0,
          taxableMinor: 4_250,
          taxMinor: 0,
          exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers',
        },
        { taxCategory: 'O', taxRateBp: 0, taxableMinor: 89_700, taxMinor: 0 },
      ],
      netMinor: 141_860,
      taxMinor: 5_700,
      totalMinor: 147_560,
      paidMinor: 0,
    };
    const xml = documentUbl(view);
    await expectValid(xml);
    expect(en16931Violations(xml)).toEqual([]);
    const subtotals = blocks(xml, 'cac:TaxSubtotal');
    expect(subtotals.map((s) => value(s, 'cbc:ID'))).toEqual(['S', 'Z', 'AE', 'O']);
    expect(value(subtotals[2] ?? '', 'cbc:TaxExemptionReason')).toBe(
      'Steuerschuldnerschaft des Leistungsempfängers',
    );
    expect(value(subtotals[2] ?? '', 'cbc:TaxExemptionReasonCode')).toBe('VATEX-EU-AE');
    expect(value(subtotals[3] ?? '', 'cbc:TaxExemptionReason')).toBe('Not subject to VAT');
    expect(value(subtotals[3] ?? '', 'cbc:Percent')).toBeUndefined();
    expect(value(subtotals[0] ?? '', 'cbc:TaxExemptionReason')).toBeUndefined();
    expect(xml).not.toContain('cbc:AllowanceTotalAmount');
    expect(xml).not.toContain('cbc:PrepaidAmount');
  });

  it('escapes markup, drops characters XML cannot carry, and uses the currency’s own decimals', async () => {
    const base = handInvoice();
    const xml = documentUbl({
      ...base,
      currency: 'JPY',
      buyer: { ...base.buyer, name: 'A <b>&amp;</b> "Q" \u0000\u0007\ud800 Šćepanović' },
      notes: ']]><!-- x -->',
    });
    await expectValid(xml);
    expect(xml).toContain(
      '<cbc:RegistrationName>A &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Q&quot; \uFFFD Šćepanović</cbc:RegistrationName>',
    );
    expect([...xml].some((char) => (char.codePointAt(0) ?? 32) < 9)).toBe(false);
    expect(value(blocks(xml, 'cac:LegalMonetaryTotal')[0] ?? '', 'cbc:PayableAmount')).toBe('155924');
  });

  it('refuses kinds UBL does not cover', () => {
    expect(() => documentUbl(handDocument('quote'))).toThrow(/invoices and credit notes/);
    expect(() => documentUbl(handDocument('delivery_note'))).toThrow(/invoices and credit notes/);
  });

  it('keeps the EN 16931 arithmetic for any consistent document (property), and stays XSD-valid', async () => {
    const categories: [TaxCategory, number][] = [
      ['S', 1900],
      ['S', 700],
      ['Z', 0],
      ['AE', 0],
    ];
    const lineArb = fc.record({
      thousandths: fc.integer({ min: 1, max: 999_999 }),
      price: fc.integer({ min: 0, max: 5_000_000 }),
      discountPercent: fc.integer({ min: 0, max: 100 }),
      category: fc.constantFrom(...categories),
    });
    const viewArb = fc
      .record({
        lines: fc.array(lineArb, { minLength: 1, maxLength: 25 }),
        discountShare: fc.integer({ min: 0, max: 50 }),
        paidShare: fc.integer({ min: 0, max: 100 }),
        kind: fc.constantFrom('invoice' as const, 'credit_note' as const),
      })
      .map(({ lines, discountShare, paidShare, kind }) =>
        consistentView(lines, discountShare, paidShare, kind),
      );
    fc.assert(
      fc.property(viewArb, (view) => {
        expect(en16931Violations(documentUbl(view))).toEqual([]);
      }),
      { numRuns: 200 },
    );
    for (const view of fc.sample(viewArb, { numRuns: 3, seed: 11 })) await expectValid(documentUbl(view));
  });
});

/** Builds a view the way a calculation would: half-up per line, document discount split over categories. */
function consistentView(
  raw: { thousandths: number; price: number; discountPercent: number; category: [TaxCategory, number] }[],
  discountShare: number,
  paidShare: number,
  kind: 'invoice' | 'credit_note',
): SalesDocumentView {
  const lines: DocumentLine[] = raw.map((r, index) => {
    const gross = Math.round((r.thousandths * r.price) / 1000);
    const discountMinor = Math.round((gross * r.discountPercent) / 100);
    const netMinor = gross - discountMinor;
    const [taxCategory, taxRateBp] = r.category;
    const taxMinor = Math.round((netMinor * taxRateBp) / 10_000);
    return {
      position: index + 1,
      description: `Item ${index + 1}`,
      quantity: String(r.thousandths / 1000),
      unitPriceMinor: r.price,
      discountMinor,
      taxRateBp,
      taxCategory,
      netMinor,
      taxMinor,
      totalMinor: netMinor + taxMinor,
    };
  });
  const groups = new Map<string, { taxCategory: TaxCategory; taxRateBp: number; net: number }>();
  for (const l of lines) {
    const key = `${l.taxCategory}/${l.taxRateBp}`;
    const group = groups.get(key) ?? { taxCategory: l.taxCategory, taxRateBp: l.taxRateBp, net: 0 };
    group.net += l.netMinor;
    groups.set(key, group);
  }
  let documentDiscountMinor = 0;
  const taxBreakdown = [...groups.values()].map((g) => {
    const allowance = Math.floor((g.net * discountShare) / 100);
    documentDiscountMinor += allowance;
    const taxableMinor = g.net - allowance;
    return {
      taxCategory: g.taxCategory,
      taxRateBp: g.taxRateBp,
      taxableMinor,
      taxMinor: Math.round((taxableMinor * g.taxRateBp) / 10_000),
    };
  });
  const netMinor = taxBreakdown.reduce((s, r) => s + r.taxableMinor, 0);
  const taxMinor = taxBreakdown.reduce((s, r) => s + r.taxMinor, 0);
  const totalMinor = netMinor + taxMinor;
  const paidMinor = Math.floor((totalMinor * paidShare) / 100);
  return {
    ...handInvoice(),
    kind,
    lines,
    documentDiscountMinor,
    taxBreakdown,
    netMinor,
    taxMinor,
    totalMinor,
    paidMinor,
    balanceMinor: totalMinor - paidMinor,
  };
}
