import { isApiClientError } from '../../../lib/api-error';

/** Message for a failed sign-in / sign-up: adds "try again in N seconds" to a rate limit. */
export function describeAuthError(error: unknown): string | undefined {
  if (!isApiClientError(error)) return undefined;
  if (error.code === 'RATE_LIMITED') {
    const seconds =
      error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    const wait =
      seconds === undefined
        ? 'Please wait a moment'
        : `Try again in ${seconds} second${seconds === 1 ? '' : 's'}`;
    return `${error.message} ${wait}.`;
  }
  return undefined;
}
