import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Team, teamSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const TEAMS_QUERY_KEY = ['teams'] as const;

/** `GET /api/v1/teams` (all pages). */
export function listTeams(signal?: AbortSignal): Promise<Team[]> {
  return fetchAll(v1('teams'), teamSchema, { signal });
}

export function teamsQueryOptions() {
  return queryOptions({ queryKey: TEAMS_QUERY_KEY, queryFn: ({ signal }) => listTeams(signal) });
}

export function useTeams() {
  return useQuery(teamsQueryOptions());
}
