import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Team, teamSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

/** `GET /api/v1/teams/:id`. */
export function getTeam(id: string, signal?: AbortSignal): Promise<Team> {
  return api.get(v1(`teams/${encodeURIComponent(id)}`), { schema: teamSchema, signal });
}

export function teamQueryOptions(id: string) {
  return queryOptions({ queryKey: [...TEAMS_QUERY_KEY, id], queryFn: ({ signal }) => getTeam(id, signal) });
}

export function useTeam(id: string) {
  return useQuery(teamQueryOptions(id));
}
