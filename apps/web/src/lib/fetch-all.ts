import { LIST_LIMIT_MAX } from '@tessera/contracts';
import { api, type Parser, type QueryParams } from './api-client';

const MAX_PAGES = 50;

/**
 * Every item of a keyset-paginated list endpoint (`{ data: [...], pagination: { nextCursor } }`), page by
 * page with the largest page size. For short lists (members, roles, teams, keys) that the UI shows whole.
 */
export async function fetchAll<T>(
  path: string,
  item: Parser<T>,
  { signal, query }: { signal?: AbortSignal | undefined; query?: QueryParams } = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await api.send<unknown[]>('GET', path, {
      query: { ...query, limit: LIST_LIMIT_MAX, cursor },
      signal,
    });
    if (!Array.isArray(response.data)) throw new Error(`Expected a list from ${path}`);
    for (const value of response.data) items.push(item.parse(value));
    cursor = response.pagination?.hasMore ? (response.pagination.nextCursor ?? undefined) : undefined;
    if (!cursor) break;
  }
  return items;
}
