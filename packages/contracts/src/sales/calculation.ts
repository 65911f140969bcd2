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

/**
 * Shares `amount` over integer `bases` in proportion (largest remainder, ties to the earlier base): the shares
 * sum to `amount` exactly and none exceeds its base (`amount` ≤ the sum of the bases).
 */
const allocate = (amount: number, bases: readonly number[]): number[] => {
  const total = bases.reduce((s, b) => s + b, 0);
  if (amount === 0 || total === 0) return bases.map(() => 0);
  const exact = bases.map((b) => q(big(amount) * big(b), big(total)));
  const shares = exact.map((e) => Number(e.n / e.d));
  let left = amount - shares.reduce((s, v) => s + v, 0);
  const order = exact
    .map((e, i) => ({ i, rest: q(e.n % e.d, e.d) }))
    .sort((x, y) => {
      const c = y.rest.n * x.rest.d - x.rest.n * y.rest.d;
      return c > 0n ? 1 : c < 0n ? -1 : x.i - y.i;
    });
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left--;
  }
  return shares;
};

interface Amounts {
  rateBp: number;
  inclusive: boolean;
  /** After discounts, in the price basis (net for exclusive rates, gross for inclusive ones). */
  amount: number;
}
/** Splits an amount in its price basis into net and tax (half-up). */
const split = ({ rateBp, inclusive, amount }: Amounts) => {
  const tax = round(mul(q(big(amount)), taxShare(rateBp, inclusive)));
  return { net: inclusive ? amount - tax : amount, tax };
};

/**
 * Computes a sales document. Pure and deterministic: same input, same result.
 * Per line: each line's amount is rounded, the document discount shared over the lines, tax per line.
 * Per document: the exact line amounts are summed per tax rate and rounded once, the discount shared over
 * the rates, tax once per rate.
 */
export const calculateDocument = (input: CalcInput): CalcResult => {
  const exact = input.lines.map((l) => {
    const gross = q(big(l.quantityMilli) * big(l.unitPriceMinor), 1000n);
    const discount = discountOf(gross, l.discount);
    return { gross, discount, amount: sub(gross, discount), rateBp: l.taxRateBp, inclusive: l.taxInclusive };
  });
  const lineBases = exact.map((e) => round(e.amount));
  // Tax groups (rate, inclusive) in a fixed order, so the line order never changes document totals.
  const keys = [...new Set(exact.map((e) => `${e.rateBp}:${e.inclusive}`))].sort();
  const groups = keys.map((key) => {
    const members = exact.filter((e) => `${e.rateBp}:${e.inclusive}` === key);
    const first = members[0] as (typeof exact)[number];
    return {
      rateBp: first.rateBp,
      inclusive: first.inclusive,
      base: round(members.reduce((s, e) => add(s, e.amount), ZERO)),
    };
  });
  const bases = input.rounding === 'line' ? lineBases : groups.map((g) => g.base);
  const subtotalMinor = bases.reduce((s, b) => s + b, 0);
  const documentDiscountMinor = round(discountOf(q(big(subtotalMinor)), input.documentDiscount));
  const lineShares = allocate(
    input.rounding === 'line'
      ? documentDiscountMinor
      : Math.min(
          documentDiscountMinor,
          lineBases.reduce((s, b) => s + b, 0),
        ),
    lineBases,
  );

  const lines: CalcLineResult[] = exact.map((e, i) => {
    const { net, tax } = split({
      rateBp: e.rateBp,
      inclusive: e.inclusive,
      amount: (lineBases[i] as number) - (lineShares[i] as number),
    });
    return {
      grossMinor: round(e.gross),
      discountMinor: round(e.discount),
      netMinor: net,
      taxMinor: tax,
      totalMinor: net + tax,
    };
  });

  const rows: { rateBp: number; net: number; tax: number }[] = [];
  if (input.rounding === 'line') {
    for (const g of groups) {
      const members = lines.filter(
        (_, i) => `${exact[i]?.rateBp}:${exact[i]?.inclusive}` === `${g.rateBp}:${g.inclusive}`,
      );
      rows.push({
        rateBp: g.rateBp,
        net: members.reduce((s, l) => s + l.netMinor, 0),
        tax: members.reduce((s, l) => s + l.taxMinor, 0),
      });
    }
  } else {
    const shares = allocate(documentDiscountMinor, bases);
    groups.forEach((g, i) => {
      rows.push({ rateBp: g.rateBp, ...split({ ...g, amount: g.base - (shares[i] as number) }) });
    });
  }
  const byRate = new Map<number, TaxRow>();
  for (const r of rows) {
    const row = byRate.get(r.rateBp) ?? { taxRateBp: r.rateBp, taxableMinor: 0, taxMinor: 0 };
    row.taxableMinor += r.net;
    row.taxMinor += r.tax;
    byRate.set(r.rateBp, row);
  }
  const taxBreakdown = [...byRate.values()].sort((a, b) => a.taxRateBp - b.taxRateBp);
  const netMinor = taxBreakdown.reduce((s, r) => s + r.taxableMinor, 0);
  const taxMinor = taxBreakdown.reduce((s, r) => s + r.taxMinor, 0);
  return {
    lines,
    subtotalMinor,
    documentDiscountMinor,
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
