import { useConnectionStore } from '../stores/connection-store';
import { Spinner } from './ui/spinner';

export const RECONNECT_MESSAGE = "We're trying to reconnect…";

/**
 * Floating notice shown only while the API is unreachable (fixed, so the layout never shifts); it disappears
 * by itself as soon as the connection watcher gets an answer.
 */
export function ReconnectBanner() {
  const apiReachable = useConnectionStore((state) => state.apiReachable);
  if (apiReachable) return null;
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
