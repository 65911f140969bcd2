export type RandomFn = () => number;
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** Un-jittered exponential delay for a 0-based attempt: `min(cap, base * 2^attempt)`. */
export function exponentialDelay(attempt: number, { baseMs, capMs }: BackoffOptions): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
}

/** "Full jitter" (AWS architecture blog): uniformly random in `[0, exponentialDelay)`. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions,
  random: RandomFn = Math.random,
): number {
  return Math.floor(random() * exponentialDelay(attempt, options));
}

/** "Equal jitter": half fixed, half random — never shorter than half the exponential delay. */
export function equalJitterDelay(
  attempt: number,
  options: BackoffOptions,
  random: RandomFn = Math.random,
): number {
  const delay = exponentialDelay(attempt, options);
  return Math.floor(delay / 2 + random() * (delay / 2));
}

/** Parses a `Retry-After` header (delta-seconds or HTTP-date) into milliseconds; `undefined` if absent/invalid. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `setTimeout` as a promise that rejects with the signal's reason when aborted. */
export const sleep: SleepFn = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
