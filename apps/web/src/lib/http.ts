import { IDEMPOTENCY_KEY_HEADER } from '@tessera/contracts';

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

/** Appends `query` to `path`, skipping null/undefined values and repeating keys for arrays. */
export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) if (item !== undefined && item !== null) params.append(key, String(item));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

/**
 * `Accept: application/json`, `Content-Type` when there is a (non-FormData) body — JSON unless the caller
 * sends a raw body with its own `contentType` (e.g. `text/csv`) — and the optional idempotency key.
 */
export function jsonHeaders(
  extra: HeadersInit | undefined,
  body: unknown,
  idempotencyKey: string | undefined,
  contentType?: string,
): Headers {
  const headers = new Headers(extra);
  headers.set('Accept', 'application/json');
  if (body !== undefined && !(body instanceof FormData)) {
    headers.set('Content-Type', contentType ?? 'application/json');
  }
  if (idempotencyKey !== undefined) headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
  return headers;
}

/** JSON-encodes the body, except FormData and raw bodies (a string or Blob sent with its own `contentType`). */
export function encodeBody(body: unknown, contentType?: string): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData) return body;
  if (contentType !== undefined && (typeof body === 'string' || body instanceof Blob)) return body;
  return JSON.stringify(body);
}

export type Body = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'text'; value: string };

export function parseBody(text: string): Body {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'text', value: text };
  }
}
