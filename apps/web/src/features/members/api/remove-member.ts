import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { MEMBERS_QUERY_KEY } from './list-members';

/** `DELETE /api/v1/members/:id`: removes the person from this company (their user account stays). */
export function removeMember(id: string): Promise<unknown> {
  return api.delete(v1(`members/${encodeURIComponent(id)}`));
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
}
