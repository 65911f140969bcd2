import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Parser } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';

/** Public summary of an invitation (no schema in `@tessera/contracts` yet, so it is checked here). */
export interface InvitationLookup {
  email: string;
  tenantName: string;
  roleName: string;
  existingUser: boolean;
}

const lookupParser: Parser<InvitationLookup> = {
  parse(input) {
    const value = (input ?? {}) as Partial<InvitationLookup>;
    const ok =
      typeof value.email === 'string' &&
      typeof value.tenantName === 'string' &&
      typeof value.roleName === 'string' &&
      typeof value.existingUser === 'boolean';
    if (!ok) throw new Error('Unexpected invitation lookup response');
    return value as InvitationLookup;
  },
};

/** `GET /api/v1/invitations/lookup?token=…`: who is invited, to which company, with which role. */
export function lookupInvitation(token: string, signal?: AbortSignal): Promise<InvitationLookup> {
  return api.get(AUTH_PATHS.invitationLookup, { query: { token }, schema: lookupParser, signal, retries: 1 });
}

export function invitationLookupQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitations', 'lookup', token],
    queryFn: ({ signal }) => lookupInvitation(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useInvitationLookup(token: string) {
  return useQuery({ ...invitationLookupQueryOptions(token), enabled: token !== '' });
}
