import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Invitation, invitationSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const INVITATIONS_QUERY_KEY = ['invitations'] as const;

/** `GET /api/v1/invitations` (all pages). */
export function listInvitations(signal?: AbortSignal): Promise<Invitation[]> {
  return fetchAll(v1('invitations'), invitationSchema, { signal });
}

export function invitationsQueryOptions() {
  return queryOptions({ queryKey: INVITATIONS_QUERY_KEY, queryFn: ({ signal }) => listInvitations(signal) });
}

export function useInvitations() {
  return useQuery(invitationsQueryOptions());
}
