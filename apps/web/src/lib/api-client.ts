import {
  type AuthSession,
  authSessionSchema,
  CSRF_HEADER,
  NETWORK_ERROR,
  REQUEST_ID_HEADER,
} from '@tessera/contracts';
import { reportApiReachable } from '../stores/connection-store';
import { expireSession, useSessionStore } from '../stores/session-store';
import { ApiClientError, networkError } from './api-error';
import { isApiAnswer, toApiResponse } from './api-response';
import type { ApiResponse, HttpMethod, RequestOptions } from './api-types';
import { fullJitterDelay, type RandomFn, type SleepFn, sleep } from './backoff';
import { currentCsrfToken } from './csrf';
import { AUTH_PATHS, NO_REFRESH_PATHS } from './endpoints';
import { type Body, buildUrl, encodeBody, jsonHeaders, parseBody, type QueryParams } from './http';
import { createSessionRefresher } from './session-refresh';
import { uuid } from './uuid';

export type { ApiResponse, HttpMethod, Parser, RequestOptions } from './api-types';
export type { QueryParams };

export interface ApiClientConfig {
  fetch: typeof fetch;
  sleep: SleepFn;
  random: RandomFn;
  generateIdempotencyKey: () => string;
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number;
  onReachability: (reachable: boolean) => void;
  /** Value of `x-csrf-token` on state-changing requests (null: header not sent). */
  getCsrfToken: () => string | null;
  /** After a successful `POST /auth/refresh`. */
  onSessionRefreshed: (session: AuthSession) => void;
  /** A 401 whose session refresh failed: clear the session and send the user to the login page. */
  onSessionExpired: () => void;
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const STATE_CHANGING_METHODS = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

const defaultConfig: ApiClientConfig = {
  fetch: (input, init) => globalThis.fetch(input, init),
  sleep,
  random: Math.random,
  generateIdempotencyKey: uuid,
  retries: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
  onReachability: reportApiReachable,
  getCsrfToken: currentCsrfToken,
  onSessionRefreshed: (session) => useSessionStore.getState().startSession(session),
  onSessionExpired: expireSession,
};

function isRetryable(error: ApiClientError): boolean {
  return error.code === NETWORK_ERROR || RETRYABLE_STATUSES.has(error.status);
}

export function createApiClient(overrides: Partial<ApiClientConfig> = {}) {
  const config: ApiClientConfig = { ...defaultConfig, ...overrides };

  async function attempt<T>(
    url: string,
    init: RequestInit,
    options: RequestOptions<T>,
  ): Promise<ApiResponse<T>> {
    const { signal } = options;
    let response: Response;
    let body: Body;
    try {
      response = await config.fetch(url, { ...init, signal: signal ?? null });
      if (options.responseType === 'blob' && response.ok) {
        // A file download (CSV export): the body is the file, not an envelope.
        const data = (await response.blob()) as T;
        config.onReachability(true);
        const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
        return { data, status: response.status, ...(requestId ? { requestId } : {}) };
      }
      body = parseBody(await response.text());
    } catch (cause) {
      if (signal?.aborted) throw signal.reason ?? cause;
      config.onReachability(false);
      throw networkError(cause);
    }
    config.onReachability(isApiAnswer(response, body));
    return toApiResponse(response, body, options);
  }

  /** One logical request with transport retries; the idempotency key is shared by all attempts. */
  async function sendWithRetries<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions<T>,
    idempotencyKey: string | undefined,
  ): Promise<ApiResponse<T>> {
    const canRetry = IDEMPOTENT_METHODS.has(method) || idempotencyKey !== undefined;
    const maxRetries = canRetry ? (options.retries ?? config.retries) : 0;
    const url = buildUrl(path, options.query);
    const headers = jsonHeaders(options.headers, options.body, idempotencyKey, options.contentType);
    const csrfToken = STATE_CHANGING_METHODS.has(method) ? config.getCsrfToken() : null;
    if (csrfToken) headers.set(CSRF_HEADER, csrfToken);
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers,
      body: encodeBody(options.body, options.contentType) ?? null,
    };

    for (let retry = 0; ; retry++) {
      try {
        return await attempt(url, init, options);
      } catch (error) {
        if (!(error instanceof ApiClientError) || retry >= maxRetries || !isRetryable(error)) throw error;
        if (error.retryAfterMs !== undefined && error.retryAfterMs > config.maxRetryAfterMs) throw error;
        const backoff = { baseMs: config.baseDelayMs, capMs: config.maxDelayMs };
        await config.sleep(
          error.retryAfterMs ?? fullJitterDelay(retry, backoff, config.random),
          options.signal,
        );
      }
    }
  }

  // Concurrent 401s share one refresh call; its new CSRF token is used by every retried request.
  const refreshSession = createSessionRefresher(async () => {
    const { data } = await sendWithRetries(
      'POST',
      AUTH_PATHS.refresh,
      { schema: authSessionSchema },
      undefined,
    );
    config.onSessionRefreshed(data);
  });

  /**
   * `sendWithRetries`, plus: a 401 from anything but the auth endpoints refreshes the session once and
   * retries the request once; if the refresh is refused, the session is expired (login redirect).
   */
  async function send<T = unknown>(
    method: HttpMethod,
    path: string,
    options: RequestOptions<T> = {},
  ): Promise<ApiResponse<T>> {
    const idempotencyKey =
      options.idempotencyKey ?? (method === 'POST' ? config.generateIdempotencyKey() : undefined);
    try {
      return await sendWithRetries(method, path, options, idempotencyKey);
    } catch (error) {
      const pathname = path.split('?')[0] ?? path;
      if (!(error instanceof ApiClientError) || error.status !== 401 || NO_REFRESH_PATHS.includes(pathname)) {
        throw error;
      }
      if ((await refreshSession()) === 'expired') {
        if (!options.skipAuthRedirect) config.onSessionExpired();
        throw error;
      }
      return sendWithRetries(method, path, options, idempotencyKey);
    }
  }

  async function request<T = unknown>(
    method: HttpMethod,
    path: string,
    options?: RequestOptions<T>,
  ): Promise<T> {
    return (await send(method, path, options)).data;
  }

  type NoBody<T> = Omit<RequestOptions<T>, 'body'>;
  return {
    send,
    request,
    get: <T = unknown>(path: string, options?: NoBody<T>) => request<T>('GET', path, options),
    post: <T = unknown>(path: string, body?: unknown, options?: NoBody<T>) =>
      request<T>('POST', path, { ...options, body }),
    put: <T = unknown>(path: string, body?: unknown, options?: NoBody<T>) =>
      request<T>('PUT', path, { ...options, body }),
    patch: <T = unknown>(path: string, body?: unknown, options?: NoBody<T>) =>
      request<T>('PATCH', path, { ...options, body }),
    delete: <T = unknown>(path: string, options?: NoBody<T>) => request<T>('DELETE', path, options),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app-wide client. Import this (or `apiRequest`) — never call `fetch` directly. */
export const api: ApiClient = createApiClient();
export const apiRequest = api.request;
