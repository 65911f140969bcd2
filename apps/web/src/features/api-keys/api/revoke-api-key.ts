import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { API_KEYS_QUERY_KEY } from './list-api-keys';

/** `DELETE /api/v1/api-keys/:id`: the key stops working at once. */
export function revokeApiKey(id: string): Promise<unknown> {
  return api.delete(v1(`api-keys/${encodeURIComponent(id)}`));
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_QUERY_KEY }),
  });
}
