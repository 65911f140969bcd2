import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { SESSIONS_QUERY_KEY } from './list-sessions';

/** `DELETE /api/v1/auth/sessions/:id`: signs that device out. */
export function revokeSession(id: string): Promise<unknown> {
  return api.delete(v1(`auth/sessions/${encodeURIComponent(id)}`));
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
