import { api, type QueryParams } from '../api-client';

/**
 * Downloads a file from the API (e.g. `GET /leads/export?<filters>` → CSV) through the API client, so the
 * session refresh and error messages work as for any request; then saves it as `fileName`.
 */
export async function downloadFile(path: string, query: QueryParams, fileName: string): Promise<void> {
  const { data } = await api.send<Blob>('GET', path, { query, responseType: 'blob' });
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** `leads-2026-01-31.csv`. */
export function exportFileName(entity: string, now = new Date()): string {
  return `${entity}-${now.toISOString().slice(0, 10)}.csv`;
}
