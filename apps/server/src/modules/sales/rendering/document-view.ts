/**
 * What the renderers (PDF, UBL 2.1 / EN 16931) need of a sales document: a plain, already-computed view.
 * The sales services build it from their rows (totals come from the shared calculation, never recomputed
 * here); the renderers only lay it out. Money in integer minor units, quantities as decimal strings.
 */
export type SalesDocumentKind = 'quote' | 'invoice' | 'credit_note' | 'delivery_note';

/** UNCL5305 tax category codes used by EN 16931 (S standard, Z zero, E exempt, AE reverse charge, K intra-EU, G export, O outside scope). */
export type TaxCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

export interface PostalAddress {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  /** ISO 3166-1 alpha-2, e.g. 'DE'. */
  country?: string;
}

export interface DocumentParty {
  name: string;
  address?: PostalAddress;
  /** VAT identifier, e.g. 'DE123456789'. */
  taxId?: string;
  /** Company registration number. */
  registrationId?: string;
  email?: string;
  phone?: string;
  contactName?: string;
}

export interface BankDetails {
  accountName?: string;
  iban?: string;
  bic?: string;
  bankName?: string;
}

export interface DocumentLine {
  position: number;
  description: string;
  sku?: string;
  /** Decimal string with up to 3 decimals, e.g. '2.5'. Delivery notes: the delivered quantity. */
  quantity: string;
  /** Delivery notes: the ordered quantity, for "delivered of ordered". */
  orderedQuantity?: string;
  /** UN/ECE rec 20 code, e.g. 'C62' (one), 'HUR' (hour); free text label in `unitLabel`. */
  unitCode?: string;
  unitLabel?: string;
  unitPriceMinor: number;
  /** Line discount already resolved to an amount. */
  discountMinor: number;
  taxRateBp: number;
  taxCategory: TaxCategory;
  /** quantity × unit price − discount (net, before document discount). */
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface TaxBreakdownRow {
  taxRateBp: number;
  taxCategory: TaxCategory;
  /** Exemption reason, required by EN 16931 for E/AE/K/G/O. */
  exemptionReason?: string;
  taxableMinor: number;
  taxMinor: number;
}

export interface SalesDocumentView {
  kind: SalesDocumentKind;
  /** Null for drafts (rendered as "Draft"). */
  number: string | null;
  /** ISO date YYYY-MM-DD. */
  issueDate: string;
  dueDate?: string;
  validUntil?: string;
  /** ISO 4217, e.g. 'EUR'. */
  currency: string;
  /** BCP 47, e.g. 'de-DE'; used for number and date formatting. */
  locale: string;
  seller: DocumentParty & { bank?: BankDetails };
  buyer: DocumentParty;
  lines: DocumentLine[];
  /** Document-level discount already resolved to an amount (net). */
  documentDiscountMinor: number;
  taxBreakdown: TaxBreakdownRow[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor?: number;
  balanceMinor?: number;
  /** Buyer's reference / purchase order (EN 16931 BT-10). */
  buyerReference?: string;
  /** Credit notes: the invoice number they correct (BT-25); delivery notes: the quote/invoice number. */
  precedingDocumentNumber?: string;
  precedingDocumentDate?: string;
  paymentTerms?: string;
  notes?: string;
  /** A cancelled document (delivery notes): stamped under its number, the reason printed with the notes. */
  cancelled?: { on: string; reason: string };
  /** Invoices: the sum of credit notes against it (reduces the balance; added for the PDF's totals). */
  creditedMinor?: number;
}

export interface DocumentBranding {
  /** PNG or JPEG bytes. */
  logo?: Uint8Array;
  /** CSS hex colours, e.g. '#1f6feb'. */
  primaryColor?: string;
  accentColor?: string;
  footer?: string;
}
