import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiKey, apiKeySchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const API_KEYS_QUERY_KEY = ['api-keys'] as const;

/** `GET /api/v1/api-keys` (all pages): never includes the secret, only its prefix. */
export function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return fetchAll(v1('api-keys'), apiKeySchema, { signal });
}

export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: API_KEYS_QUERY_KEY, queryFn: ({ signal }) => listApiKeys(signal) });
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}
