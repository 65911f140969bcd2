import { isApiClientError } from './api-error';

export type RefreshOutcome = 'refreshed' | 'expired';

/**
 * Single-flight session refresh: concurrent callers share one in-flight `refresh()` call. Resolves
 * `'refreshed'` when it worked, `'expired'` when the server refused it (any HTTP error answer);
 * a network failure is rethrown, because the session may well still be valid.
 */
export function createSessionRefresher(refresh: () => Promise<unknown>) {
  let inFlight: Promise<RefreshOutcome> | null = null;

  const run = async (): Promise<RefreshOutcome> => {
    try {
      await refresh();
      return 'refreshed';
    } catch (error) {
      if (isApiClientError(error) && !error.isNetworkError && error.status >= 400 && error.status < 500) {
        return 'expired';
      }
      throw error;
    }
  };

  return function refreshOnce(): Promise<RefreshOutcome> {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
