import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { SESSIONS_QUERY_KEY } from './list-sessions';

/** `PATCH /api/v1/auth/password`: needs the current password. */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<unknown> {
  return api.patch(v1('auth/password'), input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The server may end the other sessions when the password changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
