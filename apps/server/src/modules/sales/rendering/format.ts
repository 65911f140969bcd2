/**
 * Formatting shared by the PDF and UBL renderers. Display values follow the document's `locale` and
 * `currency` (Intl); machine values (UBL) are plain decimals with the currency's own number of digits.
 */

const digitsCache = new Map<string, number>();

/** ISO 4217 minor-unit digits (EUR 2, JPY 0, KWD 3); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    digits = 2;
  }
  digitsCache.set(currency, digits);
  return digits;
}

/** Minor units → exact decimal string, e.g. (123456, 'EUR') → '1234.56', (-5, 'EUR') → '-0.05'. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Basis points → decimal percent string without trailing zeros: 1900 → '19', 750 → '7.5', 0 → '0'. */
export function bpToPercent(bp: number): string {
  const abs = String(Math.abs(Math.trunc(bp))).padStart(3, '0');
  const whole = abs.slice(0, -2);
  const fraction = abs.slice(-2).replace(/0+$/, '');
  return `${bp < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Removes what neither XML 1.0 nor a PDF text run can carry: C0 controls except tab/newline, lone surrogates. */
export function cleanText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').toWellFormed();
}

export interface Formatter {
  money(minor: number): string;
  date(iso: string): string;
  quantity(decimal: string): string;
  percent(bp: number): string;
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Number and date formatting for one document (build once per render: Intl formatters are costly to make). */
export function formatterFor(locale: string, currency: string): Formatter {
  const tag = safeLocale(locale);
  const digits = currencyDigits(currency);
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(tag, { style: 'currency', currency });
  } catch {
    money = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const quantities = new Intl.NumberFormat(tag, { maximumFractionDigits: 3 });
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  return {
    money: (minor) => money.format(Number(minorToDecimal(minor, currency))),
    date: (iso) => {
      const parsed = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? cleanText(iso) : dates.format(parsed);
    },
    quantity: (decimal) => {
      const value = Number(decimal);
      return Number.isFinite(value) ? quantities.format(value) : cleanText(decimal);
    },
    percent: (bp) => percents.format(bp / 10_000),
  };
}
