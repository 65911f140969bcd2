import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

/** `POST /api/v1/teams`. */
export function createTeam(input: { name: string; description?: string }): Promise<unknown> {
  return api.post(v1('teams'), input);
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_QUERY_KEY }),
  });
}
