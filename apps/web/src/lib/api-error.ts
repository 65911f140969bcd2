import { type ApiError, type ErrorCode, NETWORK_ERROR } from '@tessera/contracts';

export type ApiClientErrorCode = ErrorCode | typeof NETWORK_ERROR;

export interface ApiClientErrorInit {
  code: ApiClientErrorCode;
  message: string;
  status: number;
  details?: unknown;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * The only error the API client throws (besides aborts). Carries the contract's error body
 * (`code`, `message`, `details`, `requestId`) plus the HTTP `status` (0 when the API was not reached).
 */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  readonly code: ApiClientErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiClientErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True when the request never got an HTTP answer from the API. */
  get isNetworkError(): boolean {
    return this.code === NETWORK_ERROR;
  }

  toJSON(): Omit<ApiError, 'code' | 'requestId'> & {
    code: ApiClientErrorCode;
    requestId?: string;
    status: number;
  } {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
    };
  }
}

export function isApiClientError(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError;
}

/** True for `{ success: false, error: { code, message, ... } }` bodies sent by the API. */
export function isErrorEnvelope(body: unknown): body is { success: false; error: ApiError } {
  if (typeof body !== 'object' || body === null) return false;
  const { success, error } = body as { success?: unknown; error?: unknown };
  if (success !== false || typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}

/** True for `{ success: true, data, pagination? }` bodies sent by the API. */
export function isSuccessEnvelope(
  body: unknown,
): body is { success: true; data: unknown; pagination?: unknown } {
  return typeof body === 'object' && body !== null && (body as { success?: unknown }).success === true;
}

export function networkError(cause: unknown): ApiClientError {
  return new ApiClientError({
    code: NETWORK_ERROR,
    status: 0,
    message: 'The API could not be reached. Check your connection and try again.',
    cause,
  });
}

/**
 * An HTTP response without the API's error envelope (HTML error page, empty body, ...) → `INTERNAL` with a
 * readable message. A bare 502/503/504 comes from a proxy in front of the API, hence "not responding".
 */
export function unexpectedResponseError(
  response: Response,
  isJson: boolean,
  extra: Pick<ApiClientErrorInit, 'requestId' | 'retryAfterMs'>,
): ApiClientError {
  const { status } = response;
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  const reason = [502, 503, 504].includes(status)
    ? 'The API is not responding'
    : `The server sent ${isJson ? 'an unexpected response' : 'a response that is not JSON'}`;
  return new ApiClientError({
    code: 'INTERNAL',
    status,
    message: `${reason} (HTTP ${status}${statusText}).`,
    ...extra,
  });
}

/** Human readable message for an unknown error (for UI). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiClientError) {
    return error.isNetworkError ? 'The server could not be reached. Check your connection.' : error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
