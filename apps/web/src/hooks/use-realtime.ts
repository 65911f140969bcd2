import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../lib/api-client';
import { AUTH_PATHS } from '../lib/endpoints';
import { type AddressedEvent, connectRealtime, queryKeysFor } from '../lib/realtime';
import { useConnectionStore } from '../stores/connection-store';
import { showToast } from '../stores/toast-store';

const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The toast for a message addressed to the signed-in user (or the company, for a won deal). */
export const toastFor = (event: AddressedEvent): string =>
  event.type === 'lead.assigned'
    ? 'A lead was assigned to you.'
    : event.type === 'task.assigned'
      ? 'A task was assigned to you.'
      : 'A deal was won!';

/**
 * The signed-in app's one socket: `record.changed` refetches the entity's queries (lists, details, the deals
 * board), messages addressed to you show a toast and refresh the bell; a lost socket shows the reconnect banner.
 */
export function useRealtime(enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const setConnected = useConnectionStore.getState().setSocketConnected;
    const stop = connectRealtime({
      onRecordChanged: (change) => {
        for (const queryKey of queryKeysFor(change.entity)) void queryClient.invalidateQueries({ queryKey });
      },
      onEvent: (event) => {
        showToast(toastFor(event), event.type === 'deal.won' ? 'success' : 'info');
        void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      },
      onConnectionChange: setConnected,
      refreshSession: () => api.get(AUTH_PATHS.me),
    });
    return () => {
      stop();
      setConnected(true);
    };
  }, [enabled, queryClient]);
}
