import { api, type QueryParams } from '../api-client';

/**
 * Downloads a file from the API (e.g. `GET /leads/export?<filters>` → CSV) through the API client, so the
 * session refresh and error messages work as for any request; then saves it as `fileName`.
 */
export async function downloadFile(path: string, query: QueryParams, fileName: string): Promise<void> {
  const { data } = await api.send<Blob>('GET', path, { query, responseType: 'blob' });
  saveBlob(data, fileName);
}

/** Saves a blob made in the browser (or downloaded) as `fileName`. */
export function saveBlob(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** `leads-2026-01-31.csv` (`leads-2026-01-31-keys.csv` for the re-import format). */
export function exportFileName(
  entity: string,
  now = new Date(),
  headers: 'labels' | 'keys' = 'labels',
): string {
  return `${entity}-${now.toISOString().slice(0, 10)}${headers === 'keys' ? '-keys' : ''}.csv`;
}

/** Cells that a spreadsheet would run as a formula get a leading `'`, as the API's exports do. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 CSV (CRLF, quoted when needed, formula-injection guard) from a header row and rows. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
