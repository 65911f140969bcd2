import { useConnectionStore } from '../stores/connection-store';
import { api } from './api-client';
import { equalJitterDelay, type RandomFn } from './backoff';
import { HEALTH_PATH } from './endpoints';

export interface ConnectionWatcherOptions {
  /** Probes the API. It must report reachability to the connection store (the API client does). */
  ping?: () => Promise<unknown>;
  /** Called once each time the API becomes reachable again. */
  onReconnect?: () => void;
  /** Probe once right away, so an API that is down at page load is noticed without waiting for a request. */
  probeOnStart?: boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: RandomFn;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/** Any HTTP answer from /api/health (even a 503 "degraded") means the API is reachable again. */
export const pingHealth = (): Promise<unknown> => api.get(HEALTH_PATH, { retries: 0, acceptStatuses: [503] });

/**
 * While the API is unreachable, probes it with exponential backoff (≈1 s doubling up to 10 s, jittered)
 * until it answers. Also reacts to the browser's `offline` (→ unreachable) and `online` (→ probe now) events.
 * Returns a stop function.
 */
export function startConnectionWatcher(options: ConnectionWatcherOptions = {}): () => void {
  const {
    ping = pingHealth,
    onReconnect,
    probeOnStart = false,
    baseDelayMs = 1_000,
    maxDelayMs = 10_000,
    random,
  } = options;
  const target = options.target ?? window;
  const store = useConnectionStore;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void probe();
    }, delayMs);
  };
  const nextDelay = () => equalJitterDelay(attempt++, { baseMs: baseDelayMs, capMs: maxDelayMs }, random);

  async function probe(): Promise<void> {
    try {
      await ping();
    } catch {
      // Reachability was already reported by the API client; only the store's state matters here.
    }
    // A flip to unreachable during the probe has already scheduled the next one.
    if (!stopped && !store.getState().apiReachable && timer === undefined) schedule(nextDelay());
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.apiReachable === previous.apiReachable) return;
    clearTimeout(timer);
    timer = undefined;
    attempt = 0;
    if (state.apiReachable) onReconnect?.();
    else schedule(nextDelay());
  });
  const onOffline = () => store.getState().setApiReachable(false);
  const onOnline = () => {
    if (!store.getState().apiReachable) schedule(0);
  };
  target.addEventListener('offline', onOffline);
  target.addEventListener('online', onOnline);
  if (probeOnStart) schedule(0);
  else if (!store.getState().apiReachable) schedule(nextDelay());

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    target.removeEventListener('offline', onOffline);
    target.removeEventListener('online', onOnline);
  };
}
