import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, meSchema } from '@tessera/contracts';
import { useRef } from 'react';
import { api } from '../lib/api-client';
import { isApiClientError } from '../lib/api-error';
import { readCsrfCookie } from '../lib/csrf';
import { AUTH_PATHS } from '../lib/endpoints';
import { useSessionStore } from '../stores/session-store';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/**
 * `GET /api/v1/auth/me`: the signed-in user, tenant, role and permissions — `null` when nobody is signed in
 * (401 even after a refresh attempt). Its `csrfToken` goes to the session store (it is lost on reload).
 * A browser without the session's CSRF cookie (it lives as long as the refresh token) has no session to ask
 * about: `null` at once, so a first visit sends no request that can only answer 401.
 */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  if (readCsrfCookie() === null) return null;
  try {
    const me = await api.get(AUTH_PATHS.me, { schema: meSchema, signal, skipAuthRedirect: true });
    if (me.csrfToken) useSessionStore.getState().startSession(me);
    return me;
  } catch (error) {
    if (isApiClientError(error) && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 60_000,
  });
}

/** The current session (`data === null`: signed out). */
export function useMe() {
  return useQuery(meQueryOptions());
}

/**
 * The signed-in user's `me`; only for components rendered inside the route guard (`RequireSession`). While the
 * session reloads (tenant switch, sign-out) it keeps returning the last known value until the guard takes over.
 */
export function useSession(): Me {
  const { data } = useMe();
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSession() used outside a signed-in route');
  return last.current;
}
