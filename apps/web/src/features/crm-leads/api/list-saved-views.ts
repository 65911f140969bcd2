import { queryOptions, useQuery } from '@tanstack/react-query';
import { type SavedView, type SavedViewEntity, savedViewSchema } from '@tessera/contracts';
import { api, type Parser } from '../../../lib/api-client';
import { isApiClientError } from '../../../lib/api-error';
import { v1 } from '../../../lib/endpoints';

export const SAVED_VIEWS_QUERY_KEY = ['saved-views'] as const;

const savedViewList: Parser<SavedView[]> = {
  parse: (input) => (Array.isArray(input) ? input.map((item) => savedViewSchema.parse(item)) : []),
};

/**
 * `GET /api/v1/saved-views?entity=<entity>` (the user's own views); `null` when the server has no saved
 * views (404), so the control can hide itself.
 */
export async function listSavedViews(
  entity: SavedViewEntity,
  signal?: AbortSignal,
): Promise<SavedView[] | null> {
  try {
    return await api.get(v1('saved-views'), { query: { entity, limit: 100 }, schema: savedViewList, signal });
  } catch (error) {
    if (isApiClientError(error) && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

export function useSavedViews(entity: SavedViewEntity) {
  return useQuery(
    queryOptions({
      queryKey: [...SAVED_VIEWS_QUERY_KEY, entity],
      queryFn: ({ signal }) => listSavedViews(entity, signal),
      staleTime: 60_000,
    }),
  );
}
