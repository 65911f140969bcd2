/** Cells a spreadsheet would run as a formula (CSV injection): they get a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell (RFC 4180): formula-safe, quoted when it holds a comma, quote or line break. */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value)
    ? value.join(';')
    : value instanceof Date
      ? value.toISOString()
      : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV line, CRLF-terminated. */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
