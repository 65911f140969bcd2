/** Money from minor units (cents), e.g. `123456, 'USD'` → `"$1,234.56"`; `—` when absent (hidden or unset). */
export function formatMoney(cents: number | null | undefined, currency = 'USD'): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
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
