import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { Pagination } from '@tessera/contracts';
import { api, type Parser, type QueryParams } from '../api-client';

/** One page of a CRM list: its items and the server's pagination (cursor, hasMore, total). */
export interface ListPage<T> {
  items: T[];
  pagination: Pagination | undefined;
}

/** `GET <path>?<query>`: one keyset page, each item parsed with the contract schema. */
export async function fetchListPage<T>(
  path: string,
  item: Parser<T>,
  query: QueryParams,
  signal?: AbortSignal,
): Promise<ListPage<T>> {
  const { data, pagination } = await api.send<unknown[]>('GET', path, { query, signal });
  const items = (Array.isArray(data) ? data : []).map((value) => item.parse(value));
  return { items, pagination };
}

/**
 * "Load more" list: `query(cursor)` builds the API query of a page; the next cursor comes from
 * `pagination.nextCursor` while `hasMore`.
 */
export function listInfiniteOptions<T>(
  queryKey: QueryKey,
  path: string,
  item: Parser<T>,
  query: (cursor: string | undefined) => QueryParams,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchListPage(path, item, query(pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ListPage<T>) =>
      last.pagination?.hasMore ? (last.pagination.nextCursor ?? undefined) : undefined,
  });
}
