import {
  type CalcResult,
  calculateDocument,
  type DocumentLineInput,
  formatQuantity,
  type Product,
  parseQuantity,
  type RoundingMode,
  type SalesDocumentLine,
  type TaxRate,
} from '@tessera/contracts';
import { parseMoneyToCents } from '../../../lib/records/money';

/** One editable row of the line-item table (inputs hold text). */
export interface LineDraft {
  key: string;
  productId: string;
  description: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxRateId: string;
}

let counter = 0;
export const newLine = (over: Partial<LineDraft> = {}): LineDraft => ({
  key: `line-${++counter}`,
  productId: '',
  description: '',
  unit: '',
  quantity: '1',
  unitPrice: '',
  discountPercent: '',
  taxRateId: '',
  ...over,
});

export const fromStored = (l: SalesDocumentLine): LineDraft =>
  newLine({
    productId: l.productId ?? '',
    description: l.description,
    unit: l.unit ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPriceCents === undefined ? '' : (l.unitPriceCents / 100).toFixed(2),
    discountPercent: l.discount?.kind === 'percent' ? String(l.discount.valueBp / 100) : '',
    taxRateId: l.taxRateId ?? '',
  });

/** A product picked for a row: its name, unit, price and tax rate fill the row. */
export const withProduct = (line: LineDraft, p: Product | undefined): LineDraft =>
  p
    ? {
        ...line,
        productId: p.id,
        description: p.name,
        unit: p.unit,
        unitPrice:
          p.unitPriceCents === undefined || p.unitPriceCents === null
            ? line.unitPrice
            : (p.unitPriceCents / 100).toFixed(2),
        taxRateId: p.taxRateId ?? line.taxRateId,
      }
    : { ...line, productId: '' };

const percentBp = (text: string) => {
  const t = text.trim();
  return t === '' ? undefined : Math.round(Number(t.replace(',', '.')) * 100);
};

/** Rows → the API's line inputs (blank rows left out). */
export const toLineInputs = (lines: readonly LineDraft[]): DocumentLineInput[] =>
  lines
    .filter((l) => l.description.trim() !== '' || l.productId)
    .map((l) => {
      const bp = percentBp(l.discountPercent);
      return {
        ...(l.productId ? { productId: l.productId } : {}),
        description: l.description.trim() || undefined,
        ...(l.unit.trim() ? { unit: l.unit.trim() } : {}),
        quantity: l.quantity.trim(),
        unitPriceCents: parseMoneyToCents(l.unitPrice),
        ...(bp ? { discount: { kind: 'percent' as const, valueBp: bp } } : {}),
        ...(l.taxRateId ? { taxRateId: l.taxRateId } : {}),
      };
    });

/**
 * The live preview: the same calculation the server stores (contracts/sales/calculation.ts). Rows that are not
 * valid yet count as zero.
 */
export function previewTotals(
  lines: readonly LineDraft[],
  rates: readonly TaxRate[],
  rounding: RoundingMode,
  documentDiscountPercent: string,
): CalcResult {
  const fallback = rates.find((r) => r.isDefault);
  const bp = percentBp(documentDiscountPercent);
  return calculateDocument({
    lines: lines.map((l) => {
      const rate = rates.find((r) => r.id === l.taxRateId) ?? (l.taxRateId ? undefined : fallback);
      const price = parseMoneyToCents(l.unitPrice);
      const discount = percentBp(l.discountPercent);
      return {
        quantityMilli: parseQuantity(l.quantity) ?? 0,
        unitPriceMinor: price !== undefined && price >= 0 && Number.isFinite(price) ? price : 0,
        discount:
          discount && discount > 0 && discount <= 10_000 ? { kind: 'percent', valueBp: discount } : null,
        taxRateBp: rate?.rateBp ?? 0,
        taxInclusive: rate?.inclusive ?? false,
      };
    }),
    documentDiscount: bp && bp > 0 && bp <= 10_000 ? { kind: 'percent', valueBp: bp } : null,
    rounding,
  });
}

export { formatQuantity };
