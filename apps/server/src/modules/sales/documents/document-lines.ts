import {
  type CalcResult,
  calculateDocument,
  type DiscountInput,
  type documentLineInput,
  type RoundingMode,
} from '@tessera/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { products, taxRates } from '../catalog/catalog.tables.ts';
import type { LineRow } from './document-record.ts';

type LineInput = z.output<typeof documentLineInput>;
/** A line with its price and tax rate resolved, before the calculation. */
export type ResolvedLine = Omit<
  LineRow,
  'id' | 'tenantId' | 'documentId' | 'discountCents' | 'netCents' | 'taxCents' | 'totalCents'
>;

const discountColumns = (d: DiscountInput | null | undefined) =>
  d
    ? { discountKind: d.kind, discountValue: d.kind === 'percent' ? d.valueBp : d.valueMinor }
    : { discountKind: null, discountValue: null };

export const discountOfColumns = (kind: string | null, value: number | null): DiscountInput | null =>
  kind === 'percent'
    ? { kind, valueBp: value ?? 0 }
    : kind === 'amount'
      ? { kind, valueMinor: value ?? 0 }
      : null;

/**
 * Line inputs → lines with everything the calculation and the document need: the product's SKU, description,
 * unit, price and tax rate unless the line sets its own; else the tenant's default rate; else 0 %. Products and
 * rates of another tenant are a 404 naming the field.
 */
export const resolveLines = async (
  tx: Tx,
  ctx: AuthedContext,
  inputs: readonly LineInput[],
): Promise<ResolvedLine[]> => {
  const productIds = [...new Set(inputs.map((l) => l.productId).filter((v): v is string => !!v))];
  const found = productIds.length
    ? await tx
        .select()
        .from(products)
        .where(and(eq(products.tenantId, ctx.tenantId), inArray(products.id, productIds)))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const missing = inputs.findIndex((l) => l.productId && !byId.has(l.productId));
  if (missing >= 0)
    throw new AppError('NOT_FOUND', 'Not found: productId', {
      details: [{ path: `body.lines.${missing}.productId`, message: 'Not found' }],
    });
  const rates = await tx.select().from(taxRates).where(eq(taxRates.tenantId, ctx.tenantId));
  const rateById = new Map(rates.map((r) => [r.id, r]));
  const badRate = inputs.findIndex((l) => l.taxRateId && !rateById.has(l.taxRateId));
  if (badRate >= 0)
    throw new AppError('NOT_FOUND', 'Not found: taxRateId', {
      details: [{ path: `body.lines.${badRate}.taxRateId`, message: 'Not found' }],
    });
  const fallback = rates.find((r) => r.isDefault && !r.archivedAt);
  return inputs.map((l, i) => {
    const product = l.productId ? byId.get(l.productId) : undefined;
    const rateId =
      l.taxRateId !== undefined ? l.taxRateId : product ? product.taxRateId : (fallback?.id ?? null);
    const rate = rateId ? rateById.get(rateId) : undefined;
    const description = l.description ?? product?.name;
    const price = l.unitPriceCents ?? product?.unitPriceCents;
    if (!description || price === undefined)
      throw new AppError('VALIDATION_ERROR', 'A line needs a product or a description and a unit price', {
        details: [{ path: `body.lines.${i}`, message: 'Give productId, or description and unitPriceCents' }],
      });
    return {
      position: i + 1,
      productId: product?.id ?? null,
      sku: product?.sku ?? null,
      description,
      unit: l.unit ?? product?.unit ?? null,
      quantityMilli: l.quantity,
      unitPriceCents: price,
      ...discountColumns(l.discount),
      taxRateId: rate?.id ?? null,
      taxRateBp: rate?.rateBp ?? 0,
      taxInclusive: rate?.inclusive ?? false,
      taxCategory: rate?.category ?? (rate?.rateBp ? 'S' : 'Z'),
    };
  });
};

/** The shared calculation over stored or resolved lines. */
export const calculate = (
  lines: readonly Pick<
    ResolvedLine,
    'quantityMilli' | 'unitPriceCents' | 'discountKind' | 'discountValue' | 'taxRateBp' | 'taxInclusive'
  >[],
  discount: DiscountInput | null,
  rounding: RoundingMode,
): CalcResult =>
  calculateDocument({
    lines: lines.map((l) => ({
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceCents,
      discount: discountOfColumns(l.discountKind, l.discountValue),
      taxRateBp: l.taxRateBp,
      taxInclusive: l.taxInclusive,
    })),
    documentDiscount: discount,
    rounding,
  });

/** The document columns a calculation sets. */
export const totalsColumns = (r: CalcResult) => ({
  subtotalCents: r.subtotalMinor,
  discountCents: r.documentDiscountMinor,
  netCents: r.netMinor,
  taxCents: r.taxMinor,
  totalCents: r.totalMinor,
  taxBreakdown: r.taxBreakdown,
});

/** Rows for sales_document_lines: the resolved lines with their calculated amounts. */
export const lineRows = (
  tenantId: string,
  documentId: string,
  lines: readonly ResolvedLine[],
  r: CalcResult,
): LineRow[] =>
  lines.map((l, i) => {
    const c = r.lines[i];
    if (!c) throw new Error('calculation lost a line');
    return {
      ...l,
      id: newId(),
      tenantId,
      documentId,
      discountCents: c.discountMinor,
      netCents: c.netMinor,
      taxCents: c.taxMinor,
      totalCents: c.totalMinor,
    };
  });

export { discountColumns };
