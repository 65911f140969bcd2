import type { TaxRate } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { newLine, previewTotals, toLineInputs } from './line-items';

const rate = (over: Partial<TaxRate>): TaxRate => ({
  id: '01a1fcbb-0000-7000-8000-000000000001',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  version: 1,
  archivedAt: null,
  name: 'Standard',
  rateBp: 2000,
  inclusive: false,
  isDefault: true,
  category: 'S',
  ...over,
});

describe('line items', () => {
  it('previews the totals with the shared calculation (the same numbers the server stores)', () => {
    const lines = [
      newLine({ description: 'Panel', quantity: '2', unitPrice: '249.90' }),
      newLine({ description: 'Work', quantity: '1.5', unitPrice: '80', discountPercent: '10' }),
    ];
    const totals = previewTotals(lines, [rate({})], 'document', '');
    // 499.80 + 108.00 = 607.80 net, 20 % tax 121.56
    expect(totals).toMatchObject({ netMinor: 60780, taxMinor: 12156, totalMinor: 72936 });
  });

  it('counts rows that are not valid yet as zero and leaves blank rows out of the request', () => {
    const lines = [newLine({ description: 'Half typed', quantity: '1.23456', unitPrice: 'abc' }), newLine()];
    expect(previewTotals(lines, [], 'line', '').totalMinor).toBe(0);
    expect(toLineInputs(lines)).toHaveLength(1);
    expect(
      toLineInputs([newLine({ description: 'A', quantity: '2', unitPrice: '1.50', discountPercent: '5' })]),
    ).toEqual([
      { description: 'A', quantity: '2', unitPriceCents: 150, discount: { kind: 'percent', valueBp: 500 } },
    ]);
  });
});
