/**
 * The one sales calculation: line amounts, discounts, taxes per rate and document totals. The server stores
 * what it returns (authoritative); the web editor shows it live. Integer minor units in and out; quantities
 * in thousandths (2.5 → 2500); exact rational arithmetic (BigInt) inside, rounded half-up only where the
 * rounding mode says: per line, or once per tax rate on the document.
 */

export type RoundingMode = 'line' | 'document';

/** A discount: a percentage in basis points (12.5 % → 1250) or a fixed amount in minor units. */
export type Discount = { kind: 'percent'; valueBp: number } | { kind: 'amount'; valueMinor: number };

export interface CalcLine {
  /** Thousandths of a unit: 1 → 1000, 0.125 → 125. */
  quantityMilli: number;
  /** Price of one unit in minor units: net for exclusive rates, gross for inclusive ones. */
  unitPriceMinor: number;
  discount?: Discount | null;
  taxRateBp: number;
  /** The unit price already contains the tax. */
  taxInclusive: boolean;
}

export interface CalcInput {
  lines: readonly CalcLine[];
  documentDiscount?: Discount | null;
  rounding: RoundingMode;
}

export interface CalcLineResult {
  /** quantity × unit price, rounded. */
  grossMinor: number;
  /** The line discount as an amount, rounded. */
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface TaxRow {
  taxRateBp: number;
  taxableMinor: number;
  taxMinor: number;
}

export interface CalcResult {
  lines: CalcLineResult[];
  /** Sum of the line amounts after line discounts, before the document discount (in the lines' price basis). */
  subtotalMinor: number;
  documentDiscountMinor: number;
  taxBreakdown: TaxRow[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** A non-negative rational number n/d with BigInt parts. */
interface Q {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const add = (a: Q, b: Q): Q => (a.d === b.d ? q(a.n + b.n, a.d) : q(a.n * b.d + b.n * a.d, a.d * b.d));
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const min = (a: Q, b: Q): Q => (a.n * b.d <= b.n * a.d ? a : b);
const ZERO = q(0n);
/** Half-up to an integer (values here are never negative). */
const round = (a: Q): number => Number((2n * a.n + a.d) / (2n * a.d));
const big = (v: number) => BigInt(Math.trunc(v));
/** rate / (1 + rate): the tax share of a tax-inclusive amount. */
const taxShare = (rateBp: number, inclusive: boolean): Q =>
  inclusive ? q(big(rateBp), 10_000n + big(rateBp)) : q(big(rateBp), 10_000n);

/** The amount a discount takes from `base`, never more than `base`. */
const discountOf = (base: Q, discount: Discount | null | undefined): Q => {
  if (!discount) return ZERO;
  if (discount.kind === 'percent') return min(base, mul(base, q(big(discount.valueBp), 10_000n)));
  return min(base, q(big(discount.valueMinor)));
};

interface Exact {
  gross: Q;
  discount: Q;
  /** After the line discount and the document discount's share. */
  amount: Q;
}

/** Computes a sales document. Pure and deterministic: same input, same result. */
export const calculateDocument = (input: CalcInput): CalcResult => {
  const before = input.lines.map((l) => {
    const gross = q(big(l.quantityMilli) * big(l.unitPriceMinor), 1000n);
    const discount = discountOf(gross, l.discount);
    return { gross, discount, amount: sub(gross, discount) };
  });
  const subtotal = before.reduce((s, l) => add(s, l.amount), ZERO);
  const docDiscount = discountOf(subtotal, input.documentDiscount);
  // The document discount is shared by the lines in proportion to their amounts.
  const keep = subtotal.n === 0n ? q(1n) : div(sub(subtotal, docDiscount), subtotal);
  const exact: Exact[] = before.map((l) => ({ ...l, amount: mul(l.amount, keep) }));

  const lines: CalcLineResult[] = exact.map((e, i) => {
    const line = input.lines[i] as CalcLine;
    const amount = round(e.amount);
    const tax = round(mul(q(big(amount)), taxShare(line.taxRateBp, line.taxInclusive)));
    const net = line.taxInclusive ? amount - tax : amount;
    return {
      grossMinor: round(e.gross),
      discountMinor: round(e.discount),
      netMinor: net,
      taxMinor: tax,
      totalMinor: net + tax,
    };
  });

  // Tax groups by (rate, inclusive): per line, sums of the rounded lines; per document, one rounding per group.
  const groups = new Map<
    string,
    { rateBp: number; inclusive: boolean; exact: Q; net: number; tax: number }
  >();
  input.lines.forEach((line, i) => {
    const key = `${line.taxRateBp}:${line.taxInclusive}`;
    const g = groups.get(key) ?? {
      rateBp: line.taxRateBp,
      inclusive: line.taxInclusive,
      exact: ZERO,
      net: 0,
      tax: 0,
    };
    g.exact = add(g.exact, (exact[i] as Exact).amount);
    g.net += (lines[i] as CalcLineResult).netMinor;
    g.tax += (lines[i] as CalcLineResult).taxMinor;
    groups.set(key, g);
  });
  const byRate = new Map<number, TaxRow>();
  for (const g of groups.values()) {
    let { net, tax } = g;
    if (input.rounding === 'document') {
      const amount = round(g.exact);
      tax = round(mul(q(big(amount)), taxShare(g.rateBp, g.inclusive)));
      net = g.inclusive ? amount - tax : amount;
    }
    const row = byRate.get(g.rateBp) ?? { taxRateBp: g.rateBp, taxableMinor: 0, taxMinor: 0 };
    row.taxableMinor += net;
    row.taxMinor += tax;
    byRate.set(g.rateBp, row);
  }
  const taxBreakdown = [...byRate.values()].sort((a, b) => a.taxRateBp - b.taxRateBp);
  const netMinor = taxBreakdown.reduce((s, r) => s + r.taxableMinor, 0);
  const taxMinor = taxBreakdown.reduce((s, r) => s + r.taxMinor, 0);
  const subtotalMinor = round(subtotal);
  return {
    lines,
    subtotalMinor,
    documentDiscountMinor: round(docDiscount),
    taxBreakdown,
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
  };
};

/** '2.5' → 2500 (at most 3 decimals); null when the text is not such a quantity. */
export const parseQuantity = (text: string): number | null => {
  const m = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
};

/** 2500 → '2.5', 1000 → '1'. */
export const formatQuantity = (milli: number): string => {
  const whole = Math.trunc(milli / 1000);
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
};
