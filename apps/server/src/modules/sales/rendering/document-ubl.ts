/**
 * Invoices and credit notes as UBL 2.1 XML following EN 16931 with the Peppol BIS Billing 3.0 field rules:
 * seller/buyer with tax ids, the VAT breakdown per category and rate (TaxTotal/TaxSubtotal), document
 * allowances per VAT category, LegalMonetaryTotal, one InvoiceLine/CreditNoteLine per line, BillingReference
 * for credit notes, PaymentMeans with the IBAN. Element order follows the UBL 2.1 schemas (tests validate
 * the output against the official XSD in apps/server/test/fixtures/ubl-2.1).
 */
import type {
  DocumentLine,
  DocumentParty,
  SalesDocumentView,
  TaxBreakdownRow,
  TaxCategory,
} from './document-view.ts';
import { bpToPercent, minorToDecimal } from './format.ts';
import { node, text, type XmlChild, xmlDocument } from './xml.ts';

export const PEPPOL_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** EN 16931 requires a reason (text or VATEX code) for these categories; used when the view gives none. */
const EXEMPTIONS: Partial<Record<TaxCategory, { code?: string; reason: string }>> = {
  E: { reason: 'Exempt from VAT' },
  AE: { code: 'VATEX-EU-AE', reason: 'Reverse charge' },
  K: { code: 'VATEX-EU-IC', reason: 'Intra-community supply' },
  G: { code: 'VATEX-EU-G', reason: 'Export outside the EU' },
  O: { code: 'VATEX-EU-O', reason: 'Not subject to VAT' },
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function documentUbl(view: SalesDocumentView): string {
  if (view.kind !== 'invoice' && view.kind !== 'credit_note') {
    throw new Error(`UBL export covers invoices and credit notes, not ${view.kind}`);
  }
  const isInvoice = view.kind === 'invoice';
  const money = (minor: number) => ({
    attrs: { currencyID: view.currency },
    value: minorToDecimal(minor, view.currency),
  });
  const amount = (name: string, minor: number) => text(name, money(minor).value, money(minor).attrs);
  const taxScheme = node('cac:TaxScheme', [text('cbc:ID', 'VAT')]);

  const category = (
    name: string,
    code: TaxCategory,
    bp: number,
    exemption?: { reason?: string },
  ): XmlChild => {
    const fallback = EXEMPTIONS[code];
    return node(name, [
      text('cbc:ID', code),
      code === 'O' ? undefined : text('cbc:Percent', bpToPercent(bp)),
      exemption && fallback?.code ? text('cbc:TaxExemptionReasonCode', fallback.code) : undefined,
      exemption && fallback ? text('cbc:TaxExemptionReason', exemption.reason || fallback.reason) : undefined,
      taxScheme,
    ]);
  };

  const party = (wrapper: string, p: DocumentParty): XmlChild =>
    node(wrapper, [
      node('cac:Party', [
        text('cbc:EndpointID', p.email, { schemeID: 'EM' }),
        node('cac:PartyName', [text('cbc:Name', p.name)]),
        node('cac:PostalAddress', [
          text('cbc:StreetName', p.address?.line1),
          text('cbc:AdditionalStreetName', p.address?.line2),
          text('cbc:CityName', p.address?.city),
          text('cbc:PostalZone', p.address?.postalCode),
          text('cbc:CountrySubentity', p.address?.region),
          node('cac:Country', [text('cbc:IdentificationCode', p.address?.country?.toUpperCase())]),
        ]),
        p.taxId ? node('cac:PartyTaxScheme', [text('cbc:CompanyID', p.taxId), taxScheme]) : undefined,
        node('cac:PartyLegalEntity', [
          text('cbc:RegistrationName', p.name),
          text('cbc:CompanyID', p.registrationId),
        ]),
        node('cac:Contact', [
          text('cbc:Name', p.contactName),
          text('cbc:Telephone', p.phone),
          text('cbc:ElectronicMail', p.email),
        ]),
      ]),
    ]);

  const bank = view.seller.bank;
  const paymentMeans =
    isInvoice && bank?.iban
      ? node('cac:PaymentMeans', [
          text('cbc:PaymentMeansCode', view.currency === 'EUR' ? '58' : '30'),
          text('cbc:PaymentID', view.number ?? undefined),
          node('cac:PayeeFinancialAccount', [
            text('cbc:ID', bank.iban.replace(/\s+/g, '')),
            text('cbc:Name', bank.accountName),
            node('cac:FinancialInstitutionBranch', [text('cbc:ID', bank.bic)]),
          ]),
        ])
      : undefined;

  const lineExtension = view.lines.reduce((sum, line) => sum + line.netMinor, 0);
  const allowances = documentAllowances(view);
  const allowanceTotal = allowances
    .filter((a) => a.amountMinor > 0)
    .reduce((sum, a) => sum + a.amountMinor, 0);
  const chargeTotal = allowances.filter((a) => a.amountMinor < 0).reduce((sum, a) => sum - a.amountMinor, 0);
  const paid = view.paidMinor ?? 0;

  const line = (l: DocumentLine): XmlChild => {
    const name = firstLine(l.description);
    return node(isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', [
      text('cbc:ID', String(l.position)),
      text(isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity', decimalOrZero(l.quantity), {
        unitCode: l.unitCode || 'C62',
      }),
      amount('cbc:LineExtensionAmount', l.netMinor),
      l.discountMinor !== 0
        ? node('cac:AllowanceCharge', [
            text('cbc:ChargeIndicator', l.discountMinor < 0 ? 'true' : 'false'),
            l.discountMinor > 0 ? text('cbc:AllowanceChargeReasonCode', '95') : undefined,
            text('cbc:AllowanceChargeReason', l.discountMinor > 0 ? 'Discount' : 'Surcharge'),
            amount('cbc:Amount', Math.abs(l.discountMinor)),
          ])
        : undefined,
      node('cac:Item', [
        name !== l.description.trim() ? text('cbc:Description', l.description) : undefined,
        text('cbc:Name', name || '-'),
        l.sku ? node('cac:SellersItemIdentification', [text('cbc:ID', l.sku)]) : undefined,
        category('cac:ClassifiedTaxCategory', l.taxCategory, l.taxRateBp),
      ]),
      node('cac:Price', [amount('cbc:PriceAmount', l.unitPriceMinor)]),
    ]);
  };

  const subtotal = (row: TaxBreakdownRow): XmlChild =>
    node('cac:TaxSubtotal', [
      amount('cbc:TaxableAmount', row.taxableMinor),
      amount('cbc:TaxAmount', row.taxMinor),
      category('cac:TaxCategory', row.taxCategory, row.taxRateBp, { reason: row.exemptionReason ?? '' }),
    ]);

  const children: XmlChild[] = [
    text('cbc:CustomizationID', PEPPOL_CUSTOMIZATION_ID),
    text('cbc:ProfileID', PEPPOL_PROFILE_ID),
    text('cbc:ID', view.number ?? 'DRAFT'),
    text('cbc:IssueDate', view.issueDate.slice(0, 10)),
    isInvoice ? text('cbc:DueDate', view.dueDate?.slice(0, 10)) : undefined,
    text(isInvoice ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode', isInvoice ? '380' : '381'),
    text('cbc:Note', view.notes),
    text('cbc:DocumentCurrencyCode', view.currency),
    text('cbc:BuyerReference', view.buyerReference),
    view.precedingDocumentNumber
      ? node('cac:BillingReference', [
          node('cac:InvoiceDocumentReference', [
            text('cbc:ID', view.precedingDocumentNumber),
            text('cbc:IssueDate', view.precedingDocumentDate?.slice(0, 10)),
          ]),
        ])
      : undefined,
    party('cac:AccountingSupplierParty', view.seller),
    party('cac:AccountingCustomerParty', view.buyer),
    paymentMeans,
    node('cac:PaymentTerms', [text('cbc:Note', view.paymentTerms)]),
    ...allowances.map((a) =>
      node('cac:AllowanceCharge', [
        text('cbc:ChargeIndicator', a.amountMinor < 0 ? 'true' : 'false'),
        a.amountMinor > 0 ? text('cbc:AllowanceChargeReasonCode', '95') : undefined,
        text('cbc:AllowanceChargeReason', a.amountMinor > 0 ? 'Discount' : 'Surcharge'),
        amount('cbc:Amount', Math.abs(a.amountMinor)),
        category('cac:TaxCategory', a.row.taxCategory, a.row.taxRateBp),
      ]),
    ),
    node('cac:TaxTotal', [amount('cbc:TaxAmount', view.taxMinor), ...view.taxBreakdown.map(subtotal)]),
    node('cac:LegalMonetaryTotal', [
      amount('cbc:LineExtensionAmount', lineExtension),
      amount('cbc:TaxExclusiveAmount', view.netMinor),
      amount('cbc:TaxInclusiveAmount', view.totalMinor),
      allowanceTotal ? amount('cbc:AllowanceTotalAmount', allowanceTotal) : undefined,
      chargeTotal ? amount('cbc:ChargeTotalAmount', chargeTotal) : undefined,
      paid ? amount('cbc:PrepaidAmount', paid) : undefined,
      amount('cbc:PayableAmount', view.totalMinor - paid),
    ]),
    ...view.lines.map(line),
  ];
  const root = isInvoice ? 'Invoice' : 'CreditNote';
  return xmlDocument({
    name: root,
    attrs: {
      xmlns: isInvoice ? NAMESPACES.invoice : NAMESPACES.creditNote,
      'xmlns:cac': NAMESPACES.cac,
      'xmlns:cbc': NAMESPACES.cbc,
    },
    content: children,
  });
}

/**
 * EN 16931 gives every document-level allowance a VAT category: the view's single document discount is
 * split by category as (sum of the category's line nets) − (its taxable amount). Negative = a charge.
 */
export function documentAllowances(view: SalesDocumentView): { row: TaxBreakdownRow; amountMinor: number }[] {
  return view.taxBreakdown
    .map((row) => {
      const lineNet = view.lines
        .filter((l) => l.taxCategory === row.taxCategory && l.taxRateBp === row.taxRateBp)
        .reduce((sum, l) => sum + l.netMinor, 0);
      return { row, amountMinor: lineNet - row.taxableMinor };
    })
    .filter((a) => a.amountMinor !== 0);
}

function firstLine(description: string): string {
  const first = description.trim().split(/\r?\n/)[0] ?? '';
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

function decimalOrZero(value: string): string {
  return DECIMAL.test(value.trim()) ? value.trim() : '0';
}
