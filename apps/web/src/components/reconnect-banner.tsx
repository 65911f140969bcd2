import { useConnectionStore } from '../stores/connection-store';
import { Spinner } from './ui/spinner';

export const RECONNECT_MESSAGE = "We're trying to reconnect…";

/**
 * Floating notice shown only while the API is unreachable or the live-update socket is lost (fixed, so the
 * layout never shifts); it disappears by itself as soon as the watcher gets an answer and the socket is back.
 */
export function ReconnectBanner() {
  const apiReachable = useConnectionStore((state) => state.apiReachable);
  const socketConnected = useConnectionStore((state) => state.socketConnected);
  if (apiReachable && socketConnected) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed inset-x-0 bottom-4 z-50 mx-auto flex w-fit max-w-[calc(100%-2rem)] items-center gap-2 rounded-full border border-amber-300 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-900 shadow-lg dark:border-amber-500/40 dark:bg-amber-950 dark:text-amber-200"
    >
      <Spinner />
      {RECONNECT_MESSAGE}
    </div>
  );
}
