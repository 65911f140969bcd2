import { tenantFormatting } from '../tenant-format';

/**
 * Money from minor units (cents), e.g. `123456, 'USD'` → `"$1,234.56"` in the company's locale; `—` when absent
 * (hidden or unset). Without a currency: the company's.
 */
export function formatMoney(cents: number | null | undefined, currency?: string): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  const { locale, currency: fallback = 'USD' } = tenantFormatting();
  const code = currency ?? fallback;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${code}`;
  }
}

/**
 * `"1,234.5"` → `123450`; `undefined` for blank, `NaN` for text that is not an amount. A sign is kept
 * (`"-5"` → `-500`) so the contract says "Amount can't be negative" instead of "must be a number".
 */
export function parseMoneyToCents(text: string): number | undefined {
  const clean = text.replace(/[\s,]/g, '');
  if (clean === '') return undefined;
  if (!/^[-+]?\d+(\.\d{0,2})?$/.test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 100);
}
