import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Health, healthSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { HEALTH_PATH } from '../../../lib/endpoints';

export const HEALTH_REFETCH_INTERVAL_MS = 10_000;

/** `GET /api/health`. A 503 still carries the health body (database down → `degraded`), so it is data, not an error. */
export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<Health> {
  return api.get(HEALTH_PATH, { schema: healthSchema, signal, acceptStatuses: [503] });
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_REFETCH_INTERVAL_MS,
    staleTime: 5_000,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
