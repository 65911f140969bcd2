import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';
import { useSessionStore } from '../../../stores/session-store';

/** `POST /api/v1/auth/logout`: ends this session and clears its cookies. */
export function logout(): Promise<void> {
  return api.post(AUTH_PATHS.logout, undefined, { retries: 1 });
}

/** Signs out; the local session is forgotten even when the request fails (e.g. already expired). */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const clearSession = useSessionStore((state) => state.clear);
  return useMutation({
    mutationFn: () => logout().catch(() => undefined),
    onSettled: async () => {
      clearSession();
      // flushSync: the signed-in pages unmount before the cache is cleared, so none of them refetches.
      await navigate('/login', { replace: true, flushSync: true });
      queryClient.clear();
    },
  });
}
