import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TEAMS_QUERY_KEY } from './list-teams';

export interface TeamUpdate {
  id: string;
  name?: string;
  description?: string;
  version: number;
}

/** `PATCH /api/v1/teams/:id` (rename, describe) with the `version` read; 409 when stale. */
export function updateTeam({ id, ...input }: TeamUpdate): Promise<unknown> {
  return api.patch(v1(`teams/${encodeURIComponent(id)}`), input);
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTeam,
    onSettled: () => queryClient.invalidateQueries({ queryKey: TEAMS_QUERY_KEY }),
  });
}
