import { vi } from 'vitest';
import { createApiClient } from '../lib/api-client';

export type FakeReply = Response | Error | (() => Response | Promise<Response>);

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function envelope(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return jsonResponse({ success: true, data }, status, headers);
}

export function errorResponse(
  code: string,
  status: number,
  extra: { message?: string; details?: unknown; headers?: Record<string, string> } = {},
): Response {
  const error = {
    code,
    message: extra.message ?? `${code} happened`,
    details: extra.details,
    requestId: 'req-1',
  };
  return jsonResponse({ success: false, error }, status, extra.headers);
}

/**
 * Stubs `globalThis.fetch` with a fake that answers with `replies` in order (the last one repeats);
 * an `Error` reply rejects like a network failure does.
 */
export function stubFetch(...replies: FakeReply[]) {
  let call = 0;
  const fake = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
    const reply = replies[Math.min(call++, replies.length - 1)];
    if (reply === undefined) throw new Error('stubFetch: no reply configured');
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply.clone();
  });
  vi.stubGlobal('fetch', fake);
  return fake;
}

/** Headers of the n-th call to a stubbed fetch. */
export function requestHeaders(fake: ReturnType<typeof stubFetch>, n = 0): Headers {
  return new Headers(fake.mock.calls[n]?.[1]?.headers);
}

/** A client wired to an instant, recording `sleep` and a fixed `random` (0.5) unless overridden. */
export function createTestClient(overrides: Parameters<typeof createApiClient>[0] = {}) {
  const sleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});
  const client = createApiClient({ sleep, random: () => 0.5, ...overrides });
  return { client, sleep, delays: () => sleep.mock.calls.map(([ms]) => ms) };
}

export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type ApiHandler = Response | ((request: FakeRequest) => Response | Promise<Response>);

/**
 * Stubs `globalThis.fetch` with a tiny fake API: `handlers` are keyed `'METHOD /path'` (no query string);
 * anything else answers 404 NOT_FOUND. JSON bodies are parsed into `request.body`. Returns the fake and
 * the list of requests it received.
 */
export function stubApi(handlers: Record<string, ApiHandler>) {
  const requests: FakeRequest[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const raw = typeof init?.body === 'string' ? init.body : undefined;
    const isJson = headers.get('content-type') === 'application/json';
    const request = { method, path: url.pathname, url, headers, body: raw && isJson ? JSON.parse(raw) : raw };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (handler === undefined) return errorResponse('NOT_FOUND', 404);
    return typeof handler === 'function' ? handler(request) : handler.clone();
  });
  vi.stubGlobal('fetch', fake);
  return {
    fetch: fake,
    requests,
    calls: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}
