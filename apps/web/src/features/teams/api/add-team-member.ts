import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

/** `POST /api/v1/teams/:id/members` `{ userId }`. */
export function addTeamMember({ teamId, userId }: { teamId: string; userId: string }): Promise<unknown> {
  return api.post(v1(`teams/${encodeURIComponent(teamId)}/members`), { userId });
}

export function useAddTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTeamMember,
    onSettled: () => queryClient.invalidateQueries({ queryKey: TEAMS_QUERY_KEY }),
  });
}
