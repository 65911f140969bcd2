import { NETWORK_ERROR, type Pagination, REQUEST_ID_HEADER } from '@tessera/contracts';
import { reportApiReachable } from '../stores/connection-store';
import {
  ApiClientError,
  isErrorEnvelope,
  isSuccessEnvelope,
  networkError,
  unexpectedResponseError,
} from './api-error';
import { fullJitterDelay, parseRetryAfter, type RandomFn, type SleepFn, sleep } from './backoff';
import { type Body, buildUrl, encodeBody, jsonHeaders, parseBody, type QueryParams } from './http';
import { uuid } from './uuid';

export type { QueryParams };

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Anything with a zod-like `parse`, e.g. a schema from `@tessera/contracts`. */
export interface Parser<T> {
  parse(input: unknown): T;
}

export interface RequestOptions<T = unknown> {
  body?: unknown;
  query?: QueryParams;
  schema?: Parser<T>;
  /** Sent as `Idempotency-Key`. POSTs get a fresh one automatically; the same key is reused on retries. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Max retries for retryable failures (default from the client config, 3). */
  retries?: number;
  headers?: Record<string, string>;
  /** Non-2xx statuses whose success envelope is returned instead of thrown (e.g. 503 from /api/health). */
  acceptStatuses?: readonly number[];
}

export interface ApiResponse<T> {
  data: T;
  pagination?: Pagination;
  status: number;
  requestId?: string;
}

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
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const GATEWAY_STATUSES = new Set([502, 503, 504]);

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
      body = parseBody(await response.text());
    } catch (cause) {
      if (signal?.aborted) throw signal.reason ?? cause;
      config.onReachability(false);
      throw networkError(cause);
    }
    const { status } = response;
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    const isEnvelope = body.kind === 'json' && (isSuccessEnvelope(body.value) || isErrorEnvelope(body.value));
    // A bare 502/503/504 comes from a proxy in front of the API (e.g. the Vite dev proxy), not from the API.
    config.onReachability(isEnvelope || !GATEWAY_STATUSES.has(status));

    if (response.ok || options.acceptStatuses?.includes(status)) {
      if (body.kind === 'empty') return { data: undefined as T, status, ...(requestId ? { requestId } : {}) };
      if (body.kind === 'json' && isSuccessEnvelope(body.value)) {
        const { data, pagination } = body.value as { data: unknown; pagination?: Pagination };
        let parsed: T;
        try {
          parsed = options.schema ? options.schema.parse(data) : (data as T);
        } catch (cause) {
          const message = 'The server response did not match the expected format.';
          throw new ApiClientError({ code: 'INTERNAL', status, message, details: cause, requestId, cause });
        }
        return {
          data: parsed,
          status,
          ...(pagination ? { pagination } : {}),
          ...(requestId ? { requestId } : {}),
        };
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (body.kind === 'json' && isErrorEnvelope(body.value)) {
      const { code, message, details, requestId: bodyRequestId } = body.value.error;
      throw new ApiClientError({
        code,
        message,
        details,
        status,
        retryAfterMs,
        requestId: bodyRequestId ?? requestId,
      });
    }
    throw unexpectedResponseError(response, body.kind === 'json', { requestId, retryAfterMs });
  }

  async function send<T = unknown>(
    method: HttpMethod,
    path: string,
    options: RequestOptions<T> = {},
  ): Promise<ApiResponse<T>> {
    const idempotencyKey =
      options.idempotencyKey ?? (method === 'POST' ? config.generateIdempotencyKey() : undefined);
    const canRetry = IDEMPOTENT_METHODS.has(method) || idempotencyKey !== undefined;
    const maxRetries = canRetry ? (options.retries ?? config.retries) : 0;
    const url = buildUrl(path, options.query);
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: jsonHeaders(options.headers, options.body, idempotencyKey),
      body: encodeBody(options.body) ?? null,
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
