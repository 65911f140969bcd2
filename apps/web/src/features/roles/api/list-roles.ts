import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Role, roleSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const ROLES_QUERY_KEY = ['roles'] as const;

/** `GET /api/v1/roles` (all pages): system and custom roles of the company. */
export function listRoles(signal?: AbortSignal): Promise<Role[]> {
  return fetchAll(v1('roles'), roleSchema, { signal });
}

export function rolesQueryOptions() {
  return queryOptions({ queryKey: ROLES_QUERY_KEY, queryFn: ({ signal }) => listRoles(signal) });
}

/** `enabled: false` when the user lacks `roles.view`. */
export function useRoles({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...rolesQueryOptions(), enabled });
}
