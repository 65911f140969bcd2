import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SEARCH_Q_MAX, searchResultSchema } from '@tessera/contracts';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { api } from '../../lib/api-client';
import { v1 } from '../../lib/endpoints';

/** Hits per kind of record shown in the palette. */
export const PALETTE_HITS = 5;

/**
 * `GET /api/v1/search` for the palette's text, 200 ms after typing stops; nothing for blank text. `settled` is
 * false while the text is still being typed or its answer is on its way.
 */
export function useRecordSearch(text: string) {
  const q = text.trim().slice(0, SEARCH_Q_MAX);
  const debounced = useDebouncedValue(q, 200);
  const query = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) =>
      api.get(v1('search'), {
        query: { q: debounced, limit: PALETTE_HITS },
        schema: searchResultSchema,
        signal,
      }),
    enabled: debounced !== '',
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  const active = q !== '';
  return {
    data: active ? query.data : undefined,
    error: active && debounced === q ? query.error : null,
    pending: active && (debounced !== q || query.isFetching),
  };
}
