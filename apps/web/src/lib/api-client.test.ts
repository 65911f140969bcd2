import { healthSchema, IDEMPOTENCY_KEY_HEADER, NETWORK_ERROR } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { useConnectionStore } from '../stores/connection-store';
import {
  createTestClient,
  envelope,
  errorResponse,
  jsonResponse,
  requestHeaders,
  stubFetch,
} from '../test/fake-fetch';
import { ApiClientError } from './api-error';

const health = {
  status: 'ok',
  db: 'connected',
  dbKind: 'pglite',
  jobs: 'running',
  version: '0.1.0',
  uptime: 12,
  migrations: { applied: 3, expected: 3, latest: '0003_init' },
};

async function caught(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiClientError)) throw new Error(`expected ApiClientError, got ${String(error)}`);
  return error;
}

describe('api client: envelopes', () => {
  it('unwraps the success envelope and sends the standard request options', async () => {
    const fetch = stubFetch(envelope({ id: 'c1' }));
    const { client } = createTestClient();
    await expect(
      client.get('/api/v1/contacts/c1', { query: { include: ['a', 'b'], q: undefined } }),
    ).resolves.toEqual({
      id: 'c1',
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/contacts/c1?include=a&include=b');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
    expect(requestHeaders(fetch).get('accept')).toBe('application/json');
    expect(requestHeaders(fetch).has(IDEMPOTENCY_KEY_HEADER)).toBe(false);
  });

  it('parses data with a contract schema and returns pagination from send()', async () => {
    stubFetch(
      envelope(health),
      jsonResponse({ success: true, data: [1], pagination: { limit: 1, nextCursor: 'x', hasMore: true } }),
    );
    const { client } = createTestClient();
    const parsed = await client.get('/api/health', { schema: healthSchema });
    expect(parsed.migrations.latest).toBe('0003_init');
    const list = await client.send('GET', '/api/v1/things');
    expect(list.pagination).toEqual({ limit: 1, nextCursor: 'x', hasMore: true });
  });

  it('rejects data that does not match the schema as INTERNAL', async () => {
    stubFetch(envelope({ ...health, db: 'maybe' }));
    const error = await caught(createTestClient().client.get('/api/health', { schema: healthSchema }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/expected format/);
  });

  it('throws ApiClientError with the contract error shape', async () => {
    stubFetch(
      errorResponse('VALIDATION_ERROR', 400, { message: 'Invalid email', details: [{ path: 'email' }] }),
    );
    const error = await caught(createTestClient().client.post('/api/v1/contacts', { email: 'x' }));
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Invalid email',
      details: [{ path: 'email' }],
      requestId: 'req-1',
      status: 400,
    });
  });

  it('turns a non-JSON response into INTERNAL with a readable message', async () => {
    stubFetch(new Response('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' }));
    const error = await caught(createTestClient().client.get('/api/v1/x'));
    expect(error.code).toBe('INTERNAL');
    expect(error.status).toBe(500);
    expect(error.message).toBe(
      'The server sent a response that is not JSON (HTTP 500 Internal Server Error).',
    );
  });

  it('treats a 503 success envelope as data when the caller accepts it', async () => {
    stubFetch(envelope({ ...health, status: 'degraded', db: 'disconnected' }, 503));
    const { client, sleep } = createTestClient();
    const data = await client.get('/api/health', { schema: healthSchema, acceptStatuses: [503] });
    expect(data.db).toBe('disconnected');
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('api client: reachability', () => {
  it('marks the API unreachable on a network failure and reachable on any HTTP answer', async () => {
    stubFetch(new TypeError('Failed to fetch'), errorResponse('NOT_FOUND', 404));
    const { client } = createTestClient();
    const error = await caught(client.get('/api/v1/x', { retries: 0 }));
    expect(error.code).toBe(NETWORK_ERROR);
    expect(error.status).toBe(0);
    expect(useConnectionStore.getState().apiReachable).toBe(false);
    await caught(client.get('/api/v1/x'));
    expect(useConnectionStore.getState().apiReachable).toBe(true);
  });

  it('counts a bare 502 from a proxy as unreachable but an API 503 envelope as reachable', async () => {
    stubFetch(new Response('', { status: 502 }), errorResponse('SERVICE_UNAVAILABLE', 503));
    const { client } = createTestClient();
    const gateway = await caught(client.get('/api/v1/x', { retries: 0 }));
    expect(gateway).toMatchObject({
      code: 'INTERNAL',
      status: 502,
      message: 'The API is not responding (HTTP 502).',
    });
    expect(useConnectionStore.getState().apiReachable).toBe(false);
    await caught(client.get('/api/v1/x', { retries: 0 }));
    expect(useConnectionStore.getState().apiReachable).toBe(true);
  });

  it('does not retry or report anything when the request is aborted', async () => {
    const fetch = stubFetch(new DOMException('aborted', 'AbortError'));
    const controller = new AbortController();
    controller.abort();
    await expect(
      createTestClient().client.get('/api/v1/x', { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(useConnectionStore.getState().apiReachable).toBe(true);
  });
});
