import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalcInput,
  type CalcLine,
  calculateDocument,
  formatQuantity,
  parseQuantity,
} from './calculation.ts';

const line = (over: Partial<CalcLine> = {}): CalcLine => ({
  quantityMilli: 1000,
  unitPriceMinor: 1000,
  taxRateBp: 2000,
  taxInclusive: false,
  ...over,
});

const discount = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), valueBp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), valueMinor: fc.integer({ min: 0, max: 5_000_000 }) }),
);
const lineArb = fc.record({
  quantityMilli: fc.integer({ min: 0, max: 10_000_000 }),
  unitPriceMinor: fc.integer({ min: 0, max: 100_000_000 }),
  discount,
  taxRateBp: fc.constantFrom(0, 500, 700, 1000, 1900, 2000, 2100, 2500),
  taxInclusive: fc.boolean(),
});
const docArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 20 }),
  documentDiscount: discount,
  rounding: fc.constantFrom('line' as const, 'document' as const),
});

describe('calculateDocument: examples', () => {
  it('prices × quantities with exclusive tax, rounded half-up', () => {
    const r = calculateDocument({
      lines: [
        line({ quantityMilli: 2500, unitPriceMinor: 999 }),
        line({ quantityMilli: 1000, unitPriceMinor: 1 }),
      ],
      rounding: 'line',
    });
    // 2.5 × 9.99 = 24.975 → 24.98; tax 20 % = 4.996 → 5.00; 0.01 → tax 0.002 → 0.00
    expect(r.lines.map((l) => [l.netMinor, l.taxMinor])).toEqual([
      [2498, 500],
      [1, 0],
    ]);
    expect(r).toMatchObject({ netMinor: 2499, taxMinor: 500, totalMinor: 2999 });
  });

  it('per-document rounding avoids the one-cent gap of per-line rounding', () => {
    const lines = Array.from({ length: 3 }, () =>
      line({ unitPriceMinor: 1, quantityMilli: 1000, taxRateBp: 5000 }),
    );
    // Each line: 0.01 net, 0.005 tax → per line 0.01 each (3 cents); per document 0.03 × 50 % = 0.015 → 0.02.
    expect(calculateDocument({ lines, rounding: 'line' }).taxMinor).toBe(3);
    expect(calculateDocument({ lines, rounding: 'document' }).taxMinor).toBe(2);
  });

  it('inclusive prices: the tax is taken out of the gross', () => {
    const r = calculateDocument({
      lines: [line({ unitPriceMinor: 11900, taxRateBp: 1900, taxInclusive: true })],
      rounding: 'line',
    });
    expect(r).toMatchObject({ netMinor: 10000, taxMinor: 1900, totalMinor: 11900 });
  });

  it('line and document discounts, percent and amount, never below zero', () => {
    const r = calculateDocument({
      lines: [
        line({ unitPriceMinor: 10000, discount: { kind: 'percent', valueBp: 1000 } }),
        line({ unitPriceMinor: 5000, discount: { kind: 'amount', valueMinor: 99999 } }),
      ],
      documentDiscount: { kind: 'amount', valueMinor: 1000 },
      rounding: 'document',
    });
    expect(r.lines.map((l) => l.discountMinor)).toEqual([1000, 5000]);
    expect(r).toMatchObject({
      subtotalMinor: 9000,
      documentDiscountMinor: 1000,
      netMinor: 8000,
      taxMinor: 1600,
      totalMinor: 9600,
    });
  });

  it('an amount discount over mixed rates is shared so the net is exactly subtotal − discount', () => {
    for (const rounding of ['line', 'document'] as const) {
      const r = calculateDocument({
        lines: [line({ unitPriceMinor: 1799, taxRateBp: 700 }), line({ unitPriceMinor: 61980 })],
        documentDiscount: { kind: 'amount', valueMinor: 3779 },
        rounding,
      });
      expect(r.netMinor, rounding).toBe(60000);
    }
  });

  it('groups the tax breakdown per rate', () => {
    const r = calculateDocument({
      lines: [
        line({ taxRateBp: 700 }),
        line({ taxRateBp: 1900 }),
        line({ taxRateBp: 700, unitPriceMinor: 500 }),
      ],
      rounding: 'document',
    });
    expect(r.taxBreakdown).toEqual([
      { taxRateBp: 700, taxableMinor: 1500, taxMinor: 105 },
      { taxRateBp: 1900, taxableMinor: 1000, taxMinor: 190 },
    ]);
  });

  it('parses and formats quantities with up to three decimals', () => {
    expect(parseQuantity('2.5')).toBe(2500);
    expect(parseQuantity('0,125')).toBe(125);
    expect(parseQuantity('1.2345')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(formatQuantity(2500)).toBe('2.5');
    expect(formatQuantity(1000)).toBe('1');
    expect(formatQuantity(125)).toBe('0.125');
  });
});

describe('calculateDocument: properties', () => {
  it('totals are integers, never negative, and add up', () => {
    fc.assert(
      fc.property(docArb, (doc: CalcInput) => {
        const r = calculateDocument(doc);
        for (const v of [r.netMinor, r.taxMinor, r.totalMinor, r.subtotalMinor, r.documentDiscountMinor]) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        for (const l of r.lines) {
          expect(l.netMinor).toBeGreaterThanOrEqual(0);
          expect(l.taxMinor).toBeGreaterThanOrEqual(0);
          expect(l.totalMinor).toBe(l.netMinor + l.taxMinor);
        }
        expect(r.taxBreakdown.reduce((s, t) => s + t.taxMinor, 0)).toBe(r.taxMinor);
        expect(r.taxBreakdown.reduce((s, t) => s + t.taxableMinor, 0)).toBe(r.netMinor);
        expect(r.totalMinor).toBe(r.netMinor + r.taxMinor);
        expect(r.documentDiscountMinor).toBeLessThanOrEqual(r.subtotalMinor);
        if (!doc.lines.some((l) => l.taxInclusive))
          expect(r.netMinor).toBe(r.subtotalMinor - r.documentDiscountMinor);
      }),
    );
  });

  it('per-line rounding sums its lines exactly; recomputation and line order do not change document totals', () => {
    fc.assert(
      fc.property(docArb, (doc: CalcInput) => {
        const r = calculateDocument(doc);
        expect(calculateDocument(doc)).toEqual(r);
        if (doc.rounding === 'line') {
          expect(r.lines.reduce((s, l) => s + l.totalMinor, 0)).toBe(r.totalMinor);
        } else {
          const reversed = calculateDocument({ ...doc, lines: [...doc.lines].reverse() });
          expect([reversed.netMinor, reversed.taxMinor, reversed.totalMinor]).toEqual([
            r.netMinor,
            r.taxMinor,
            r.totalMinor,
          ]);
        }
      }),
    );
  });

  it('the two rounding modes differ by at most one minor unit per line and tax rate', () => {
    fc.assert(
      fc.property(docArb, (doc: CalcInput) => {
        const byLine = calculateDocument({ ...doc, rounding: 'line' });
        const byDoc = calculateDocument({ ...doc, rounding: 'document' });
        expect(Math.abs(byLine.totalMinor - byDoc.totalMinor)).toBeLessThanOrEqual(2 * doc.lines.length);
      }),
    );
  });

  it('a 0 % discount changes nothing, a 100 % document discount leaves zero', () => {
    fc.assert(
      fc.property(docArb, (doc: CalcInput) => {
        const none = calculateDocument({ ...doc, documentDiscount: null });
        expect(calculateDocument({ ...doc, documentDiscount: { kind: 'percent', valueBp: 0 } })).toEqual(
          none,
        );
        expect(
          calculateDocument({ ...doc, documentDiscount: { kind: 'percent', valueBp: 10_000 } }).totalMinor,
        ).toBe(0);
      }),
    );
  });
});
