import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Session, sessionSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const SESSIONS_QUERY_KEY = ['auth', 'sessions'] as const;

const sessionList = { parse: (input: unknown): Session[] => sessionSchema.array().parse(input) };

/** `GET /api/v1/auth/sessions`: the user's signed-in devices (`current` = this browser). */
export function listSessions(signal?: AbortSignal): Promise<Session[]> {
  return api.get(v1('auth/sessions'), { schema: sessionList, signal });
}

export function sessionsQueryOptions() {
  return queryOptions({ queryKey: SESSIONS_QUERY_KEY, queryFn: ({ signal }) => listSessions(signal) });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
