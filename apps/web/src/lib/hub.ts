import { queryOptions, useQuery } from '@tanstack/react-query';
import { myHubSchema } from '@tessera/contracts';
import { api } from './api-client';
import { v1 } from './endpoints';

export const MY_HUB_QUERY_KEY = ['hub'] as const;

/** `GET /api/v1/hub`: my role's effective hub, already without what I may not see. */
export function myHubQueryOptions() {
  return queryOptions({
    queryKey: MY_HUB_QUERY_KEY,
    queryFn: ({ signal }) => api.get(v1('hub'), { schema: myHubSchema, signal }),
    staleTime: 60_000,
  });
}

export function useMyHub() {
  return useQuery(myHubQueryOptions());
}
