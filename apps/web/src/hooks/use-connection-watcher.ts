import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { startConnectionWatcher } from '../lib/connection-watcher';

/**
 * Starts the connection watcher (with one probe at start-up); when the API comes back, failed active
 * queries are refetched.
 */
export function useConnectionWatcher(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      startConnectionWatcher({
        probeOnStart: true,
        onReconnect: () => {
          void queryClient.refetchQueries({
            type: 'active',
            predicate: (query) => query.state.status === 'error',
          });
        },
      }),
    [queryClient],
  );
}
