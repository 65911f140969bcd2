import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AuthSession, authSessionSchema } from '@tessera/contracts';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';
import { useSessionStore } from '../../../stores/session-store';

/** `POST /api/v1/auth/switch-tenant`: re-issues the session cookies for another company of the user. */
export function switchTenant(tenantId: string): Promise<AuthSession> {
  return api.post(AUTH_PATHS.switchTenant, { tenantId }, { schema: authSessionSchema });
}

/**
 * Switches, then goes to the dashboard and resets every query: cached data belonged to the old tenant,
 * active queries (the session's `me` first) load again for the new one.
 */
export function useSwitchTenant() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const startSession = useSessionStore((state) => state.startSession);
  return useMutation({
    mutationFn: switchTenant,
    onSuccess: async (session) => {
      startSession(session);
      await navigate('/');
      await queryClient.resetQueries();
    },
  });
}
