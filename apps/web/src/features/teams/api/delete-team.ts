import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

/** `DELETE /api/v1/teams/:id`. */
export function deleteTeam(id: string): Promise<unknown> {
  return api.delete(v1(`teams/${encodeURIComponent(id)}`));
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_QUERY_KEY }),
  });
}
