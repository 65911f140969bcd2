import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { SESSIONS_QUERY_KEY } from './list-sessions';

/** `POST /api/v1/auth/sessions/revoke-all`: ends every session except this one. */
export function revokeOtherSessions(): Promise<unknown> {
  return api.post(v1('auth/sessions/revoke-all'));
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
