/**
 * Document numbers from a tenant's pattern: literal text plus `{YYYY}`, `{YY}`, `{MM}` and one `{SEQ}` /
 * `{SEQ:n}` (zero-padded to n digits). The sequence restarts per period: per year when the pattern shows
 * the year, per month when it shows the month too, never otherwise.
 */
export const numberPeriod = (pattern: string, isoDate: string): string => {
  const year = isoDate.slice(0, 4);
  const month = isoDate.slice(5, 7);
  const hasYear = /\{(YYYY|YY)\}/.test(pattern);
  if (hasYear && pattern.includes('{MM}')) return `${year}-${month}`;
  return hasYear ? year : 'all';
};

/** `INV-{YYYY}-{SEQ:5}`, 2026-03-01, 42 → `INV-2026-00042`. */
export const formatDocumentNumber = (pattern: string, isoDate: string, seq: number): string =>
  pattern
    .replaceAll('{YYYY}', isoDate.slice(0, 4))
    .replaceAll('{YY}', isoDate.slice(2, 4))
    .replaceAll('{MM}', isoDate.slice(5, 7))
    .replace(/\{SEQ(?::(\d))?\}/, (_m, width?: string) => String(seq).padStart(Number(width ?? 1), '0'));
