import { type Pagination, REQUEST_ID_HEADER } from '@tessera/contracts';
import { ApiClientError, isErrorEnvelope, isSuccessEnvelope, unexpectedResponseError } from './api-error';
import type { ApiResponse, RequestOptions } from './api-types';
import { parseRetryAfter } from './backoff';
import type { Body } from './http';

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * True when the response came from the API itself: any JSON envelope, or any status but a bare
 * 502/503/504 (those come from a proxy in front of the API, e.g. the Vite dev proxy).
 */
export function isApiAnswer(response: Response, body: Body): boolean {
  const isEnvelope = body.kind === 'json' && (isSuccessEnvelope(body.value) || isErrorEnvelope(body.value));
  return isEnvelope || !GATEWAY_STATUSES.has(response.status);
}

/** Unwraps a success envelope (parsing `data` with the schema) or throws the matching `ApiClientError`. */
export function toApiResponse<T>(response: Response, body: Body, options: RequestOptions<T>): ApiResponse<T> {
  const { status } = response;
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;

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
