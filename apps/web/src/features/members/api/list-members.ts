import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Member, memberSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const MEMBERS_QUERY_KEY = ['members'] as const;

/** `GET /api/v1/members` (all pages): the people of the current company. */
export function listMembers(signal?: AbortSignal): Promise<Member[]> {
  return fetchAll(v1('members'), memberSchema, { signal });
}

export function membersQueryOptions() {
  return queryOptions({ queryKey: MEMBERS_QUERY_KEY, queryFn: ({ signal }) => listMembers(signal) });
}

/** `enabled: false` when the user lacks `members.view` (the request would be a 403). */
export function useMembers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...membersQueryOptions(), enabled });
}
