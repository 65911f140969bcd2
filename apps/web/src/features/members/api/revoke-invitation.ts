import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { INVITATIONS_QUERY_KEY } from './list-invitations';

/** `DELETE /api/v1/invitations/:id`: the link stops working. */
export function revokeInvitation(id: string): Promise<unknown> {
  return api.delete(v1(`invitations/${encodeURIComponent(id)}`));
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_QUERY_KEY }),
  });
}
