import { useQueryClient } from '@tanstack/react-query';
import type { AuthSession } from '@tessera/contracts';
import { useSessionStore } from '../../../stores/session-store';

/**
 * After login / sign-up / accepting an invitation: keep the new CSRF token and drop every cached query
 * (they belonged to the previous user or tenant), so the app loads fresh data.
 */
export function useStartSession(): (session: AuthSession) => void {
  const queryClient = useQueryClient();
  const startSession = useSessionStore((state) => state.startSession);
  return (session) => {
    startSession(session);
    queryClient.clear();
  };
}
