/**
 * The words printed on a sales document, in the document's language (the `locale`'s language; English when
 * there is no translation). Adding a language is adding one object here.
 */
import type { SalesDocumentKind } from './document-view.ts';

export interface DocumentLabels {
  title: Record<SalesDocumentKind, string>;
  number: Record<SalesDocumentKind, string>;
  draft: string;
  /** Stamped under the number of a cancelled document (delivery notes). */
  cancelled: string;
  issueDate: string;
  dueDate: string;
  validUntil: string;
  correctsInvoice: string;
  precedingDocument: string;
  buyerReference: string;
  from: string;
  billTo: string;
  deliverTo: string;
  taxId: string;
  registrationId: string;
  position: string;
  description: string;
  quantity: string;
  ordered: string;
  delivered: string;
  unitPrice: string;
  discount: string;
  tax: string;
  amount: string;
  subtotal: string;
  documentDiscount: string;
  net: string;
  taxOn: (rate: string, taxable: string) => string;
  total: string;
  paid: string;
  credited: string;
  balance: string;
  paymentTerms: string;
  paymentDetails: string;
  accountName: string;
  iban: string;
  bic: string;
  bank: string;
  paymentReference: string;
  notes: string;
  continued: string;
  page: (page: number, pages: number) => string;
  received: string;
  /** The payment terms sentence of an invoice, with its due date already formatted. */
  payableBy: (date: string) => string;
}

const en: DocumentLabels = {
  title: { quote: 'Quote', invoice: 'Invoice', credit_note: 'Credit note', delivery_note: 'Delivery note' },
  number: {
    quote: 'Quote no.',
    invoice: 'Invoice no.',
    credit_note: 'Credit note no.',
    delivery_note: 'Delivery note no.',
  },
  draft: 'Draft',
  cancelled: 'Cancelled',
  issueDate: 'Date',
  dueDate: 'Due date',
  validUntil: 'Valid until',
  correctsInvoice: 'Corrects invoice',
  precedingDocument: 'Order / invoice',
  buyerReference: 'Your reference',
  from: 'From',
  billTo: 'Bill to',
  deliverTo: 'Deliver to',
  taxId: 'VAT ID',
  registrationId: 'Reg. no.',
  position: '#',
  description: 'Description',
  quantity: 'Qty',
  ordered: 'Ordered',
  delivered: 'Delivered',
  unitPrice: 'Unit price',
  discount: 'Discount',
  tax: 'VAT',
  amount: 'Amount',
  subtotal: 'Subtotal',
  documentDiscount: 'Discount',
  net: 'Net amount',
  taxOn: (rate, taxable) => `VAT ${rate} on ${taxable}`,
  total: 'Total',
  paid: 'Paid',
  credited: 'Credited',
  balance: 'Balance due',
  paymentTerms: 'Payment terms',
  paymentDetails: 'Payment details',
  accountName: 'Account holder',
  iban: 'IBAN',
  bic: 'BIC',
  bank: 'Bank',
  paymentReference: 'Reference',
  notes: 'Notes',
  continued: 'continued',
  page: (page, pages) => `Page ${page} of ${pages}`,
  received: 'Goods received in good order (date, signature)',
  payableBy: (date) => `Payable by ${date} without deduction.`,
};

const de: DocumentLabels = {
  title: { quote: 'Angebot', invoice: 'Rechnung', credit_note: 'Gutschrift', delivery_note: 'Lieferschein' },
  number: {
    quote: 'Angebotsnr.',
    invoice: 'Rechnungsnr.',
    credit_note: 'Gutschriftnr.',
    delivery_note: 'Lieferscheinnr.',
  },
  draft: 'Entwurf',
  cancelled: 'Storniert',
  issueDate: 'Datum',
  dueDate: 'Fällig am',
  validUntil: 'Gültig bis',
  correctsInvoice: 'Korrektur zu Rechnung',
  precedingDocument: 'Auftrag / Rechnung',
  buyerReference: 'Ihre Referenz',
  from: 'Von',
  billTo: 'Rechnung an',
  deliverTo: 'Lieferung an',
  taxId: 'USt-IdNr.',
  registrationId: 'Handelsreg.',
  position: 'Pos.',
  description: 'Beschreibung',
  quantity: 'Menge',
  ordered: 'Bestellt',
  delivered: 'Geliefert',
  unitPrice: 'Einzelpreis',
  discount: 'Rabatt',
  tax: 'USt.',
  amount: 'Betrag',
  subtotal: 'Zwischensumme',
  documentDiscount: 'Rabatt',
  net: 'Nettobetrag',
  taxOn: (rate, taxable) => `USt. ${rate} auf ${taxable}`,
  total: 'Gesamtbetrag',
  paid: 'Bezahlt',
  credited: 'Gutgeschrieben',
  balance: 'Offener Betrag',
  paymentTerms: 'Zahlungsbedingungen',
  paymentDetails: 'Bankverbindung',
  accountName: 'Kontoinhaber',
  iban: 'IBAN',
  bic: 'BIC',
  bank: 'Bank',
  paymentReference: 'Verwendungszweck',
  notes: 'Hinweise',
  continued: 'Fortsetzung',
  page: (page, pages) => `Seite ${page} von ${pages}`,
  received: 'Ware in einwandfreiem Zustand erhalten (Datum, Unterschrift)',
  payableBy: (date) => `Zahlbar bis ${date} ohne Abzug.`,
};

const byLanguage: Record<string, DocumentLabels> = { en, de };

export function labelsFor(locale: string): DocumentLabels {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? 'en';
  return byLanguage[language] ?? en;
}
