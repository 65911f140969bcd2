import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

/** `DELETE /api/v1/teams/:id/members/:userId`. */
export function removeTeamMember({ teamId, userId }: { teamId: string; userId: string }): Promise<unknown> {
  return api.delete(v1(`teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`));
}

export function useRemoveTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTeamMember,
    onSettled: () => queryClient.invalidateQueries({ queryKey: TEAMS_QUERY_KEY }),
  });
}
