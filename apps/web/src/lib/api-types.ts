import type { Pagination } from '@tessera/contracts';
import type { QueryParams } from './http';

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
  /** Send a string/Blob `body` as is with this `Content-Type` (e.g. `text/csv`) instead of JSON. */
  contentType?: string;
  /**
   * On a 401 the client still refreshes the session and retries once, but if the refresh fails it only
   * throws (no "session expired" redirect) — for `GET /auth/me`, whose caller decides what to do.
   */
  skipAuthRedirect?: boolean;
  /** `'blob'`: a successful response is returned as a `Blob` (file downloads); errors are still parsed. */
  responseType?: 'json' | 'blob';
}

export interface ApiResponse<T> {
  data: T;
  pagination?: Pagination;
  status: number;
  requestId?: string;
}
