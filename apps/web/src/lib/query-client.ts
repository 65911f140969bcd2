import { QueryClient } from '@tanstack/react-query';

/**
 * Transport retries (network errors, 429, 502-504, with backoff) are done by the API client, so the
 * query layer does not retry again on top of it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
