import { type CalcLine, calculateDocument } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { withTenant } from '../../../platform/db/index.ts';
import type { settingsOf } from '../settings/settings.service.ts';

// What the sales generator's steps share (generate-sales.ts): the priced line sets, names, and SQL helpers.

export type Tx = Parameters<Parameters<typeof withTenant>[2]>[0];
export type Settings = Awaited<ReturnType<typeof settingsOf>>;
export const listSql = (values: readonly string[]) =>
  sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(','));
/** The trailing sequence of a generated number. */
export const SEQ = `substring(number from '(\\d+)$')::int`;
export const seqOf = sql.raw(SEQ);
export const rowCount = (r: unknown) =>
  (r as { rowCount?: number; affectedRows?: number }).rowCount ??
  (r as { affectedRows?: number }).affectedRows ??
  0;

export const LINE_SETS: CalcLine[][] = [
  [{ quantityMilli: 1000, unitPriceMinor: 12_500, taxRateBp: 2000, taxInclusive: false }],
  [
    { quantityMilli: 2500, unitPriceMinor: 4_990, taxRateBp: 2000, taxInclusive: false },
    { quantityMilli: 1000, unitPriceMinor: 35_000, taxRateBp: 2000, taxInclusive: false },
  ],
  [
    { quantityMilli: 3000, unitPriceMinor: 1_999, taxRateBp: 700, taxInclusive: false },
    { quantityMilli: 1000, unitPriceMinor: 89_900, taxRateBp: 1900, taxInclusive: false },
    {
      quantityMilli: 750,
      unitPriceMinor: 8_000,
      taxRateBp: 1900,
      taxInclusive: false,
      discount: { kind: 'percent', valueBp: 1000 },
    },
  ],
  [{ quantityMilli: 12_000, unitPriceMinor: 6_500, taxRateBp: 2000, taxInclusive: true }],
  [
    { quantityMilli: 1000, unitPriceMinor: 249_000, taxRateBp: 2000, taxInclusive: false },
    { quantityMilli: 8000, unitPriceMinor: 7_250, taxRateBp: 1000, taxInclusive: false },
  ],
];
export const DESCRIPTIONS = [
  'Installation',
  'Service visit',
  'Replacement part',
  'Labour (hours)',
  'Materials',
];
export const CUSTOMERS = [
  'Harbour',
  'Mill',
  'Station',
  'Park',
  'Church',
  'High Street',
  'North',
  'Riverside',
];
export const TRADES = ['Plumbing', 'Electrics', 'Roofing', 'Heating', 'Solar', 'Builders'];

/** The line sets priced by the shared calculation, as JSON for the SQL to pick from. */
export const pricedSets = (rounding: 'line' | 'document') =>
  LINE_SETS.map((lines) => {
    const r = calculateDocument({ lines, rounding });
    return {
      subtotal: r.subtotalMinor,
      discount: r.documentDiscountMinor,
      net: r.netMinor,
      tax: r.taxMinor,
      total: r.totalMinor,
      breakdown: r.taxBreakdown,
      lines: lines.map((l, i) => ({
        position: i + 1,
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
        quantity_milli: l.quantityMilli,
        unit_price_cents: l.unitPriceMinor,
        discount_kind: l.discount?.kind ?? null,
        discount_value: l.discount
          ? 'valueBp' in l.discount
            ? l.discount.valueBp
            : l.discount.valueMinor
          : null,
        tax_rate_bp: l.taxRateBp,
        tax_inclusive: l.taxInclusive,
        discount_cents: r.lines[i]?.discountMinor ?? 0,
        net_cents: r.lines[i]?.netMinor ?? 0,
        tax_cents: r.lines[i]?.taxMinor ?? 0,
        total_cents: r.lines[i]?.totalMinor ?? 0,
      })),
    };
  });
