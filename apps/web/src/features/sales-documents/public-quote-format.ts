/**
 * Pure helpers of the customer's quote page: the page has no session, so it formats with the seller's locale
 * and currency from the quote itself (not the signed-in company's), and only trusts colours that are plain
 * hex values.
 */

/** Minor units in the quote's currency and locale (`12345, 'EUR', 'de-DE'` → `123,45 €`). */
export function quoteMoney(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** An ISO day (`2026-03-31`) in the locale, the day as written (no time-zone shift). */
export function quoteDate(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}

/** A basis-point tax rate as a percentage (`1900` → `19 %`, `550` → `5.5 %`). */
export function ratePercent(bp: number): string {
  return `${Number((bp / 100).toFixed(2))} %`;
}

export type QuoteState = 'open' | 'accepted' | 'declined' | 'expired';

/** What the customer can do: decide while it is sent and its valid-until day has not passed. */
export function quoteState(status: string, validUntil: string | undefined, today: string): QuoteState {
  if (status === 'accepted' || status === 'invoiced') return 'accepted';
  if (status === 'declined') return 'declined';
  if (status === 'expired' || (validUntil !== undefined && validUntil < today)) return 'expired';
  return status === 'sent' ? 'open' : 'expired';
}

const HEX = /^#[0-9a-f]{6}$/i;
const FALLBACK = '#4f46e5';

/** The seller's colour when it is a plain `#rrggbb`, else the app's indigo. */
export function brandColor(color: string | null | undefined): string {
  return color && HEX.test(color) ? color.toLowerCase() : FALLBACK;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): '#ffffff' | '#111827' {
  const channel = (i: number) => {
    const c = Number.parseInt(brandColor(hex).slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with white vs with near-black (#111827, luminance ≈ 0.0116).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0616 ? '#ffffff' : '#111827';
}
