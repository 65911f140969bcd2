import { IDEMPOTENCY_KEY_HEADER } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { useConnectionStore } from '../stores/connection-store';
import { createTestClient, envelope, errorResponse, requestHeaders, stubFetch } from '../test/fake-fetch';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const networkDown = () => new TypeError('Failed to fetch');

describe('api client: idempotency keys', () => {
  it('sends a fresh Idempotency-Key with every POST and a JSON body', async () => {
    const fetch = stubFetch(envelope({ id: 1 }, 201));
    const { client } = createTestClient();
    await client.post('/api/v1/contacts', { name: 'Ada' });
    await client.post('/api/v1/contacts', { name: 'Bob' });
    const first = requestHeaders(fetch, 0).get(IDEMPOTENCY_KEY_HEADER);
    const second = requestHeaders(fetch, 1).get(IDEMPOTENCY_KEY_HEADER);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
    expect(requestHeaders(fetch).get('content-type')).toBe('application/json');
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"name":"Ada"}');
  });

  it('reuses the same key on retries of the same POST', async () => {
    const fetch = stubFetch(
      networkDown(),
      errorResponse('SERVICE_UNAVAILABLE', 503),
      envelope({ id: 1 }, 201),
    );
    await expect(createTestClient().client.post('/api/v1/contacts', { name: 'Ada' })).resolves.toEqual({
      id: 1,
    });
    expect(fetch).toHaveBeenCalledTimes(3);
    const keys = fetch.mock.calls.map((_, n) => requestHeaders(fetch, n).get(IDEMPOTENCY_KEY_HEADER));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(UUID);
  });

  it("uses the caller's key when given", async () => {
    const fetch = stubFetch(envelope({}));
    await createTestClient().client.post('/api/v1/contacts', {}, { idempotencyKey: 'my-key' });
    expect(requestHeaders(fetch).get(IDEMPOTENCY_KEY_HEADER)).toBe('my-key');
  });
});

describe('api client: retries', () => {
  it('retries a GET after network failures, then succeeds', async () => {
    const fetch = stubFetch(networkDown(), networkDown(), envelope('ok'));
    const { client, sleep } = createTestClient();
    await expect(client.get('/api/v1/x')).resolves.toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(useConnectionStore.getState().apiReachable).toBe(true);
  });

  it('gives up after the configured number of retries', async () => {
    const fetch = stubFetch(errorResponse('SERVICE_UNAVAILABLE', 503));
    await expect(createTestClient().client.get('/api/v1/x')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('does not retry a PATCH without an idempotency key', async () => {
    const fetch = stubFetch(networkDown(), envelope({}));
    await expect(createTestClient().client.patch('/api/v1/x/1', { a: 1 })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(requestHeaders(fetch).has(IDEMPOTENCY_KEY_HEADER)).toBe(false);
  });

  it('retries a PATCH that carries an idempotency key', async () => {
    const fetch = stubFetch(errorResponse('SERVICE_UNAVAILABLE', 504), envelope({ a: 1 }));
    await expect(
      createTestClient().client.patch('/api/v1/x/1', { a: 1 }, { idempotencyKey: 'k' }),
    ).resolves.toEqual({ a: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    [400, 'VALIDATION_ERROR'],
    [401, 'UNAUTHENTICATED'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [500, 'INTERNAL'],
  ])('never retries a %i response', async (status, code) => {
    const fetch = stubFetch(errorResponse(code, status));
    const { client, sleep } = createTestClient();
    await expect(client.get('/api/v1/x')).rejects.toMatchObject({ code, status });
    await expect(client.post('/api/v1/x', {})).rejects.toMatchObject({ code, status });
    // (A 401 also triggers one session refresh: see api-client-auth.test.ts.)
    const calls = fetch.mock.calls.filter(([url]) => url === '/api/v1/x');
    expect(calls).toHaveLength(2);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('backs off exponentially with full jitter, capped', async () => {
    stubFetch(networkDown());
    const randoms = [0.999, 0.5, 0, 0.999, 0.999, 0.999];
    const { client, delays } = createTestClient({ random: () => randoms.shift() ?? 0.999 });
    await expect(client.get('/api/v1/x', { retries: 6 })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    // Ceilings: 300, 600, 1200, 2400, 4800, 5000 (cap); each delay is random() * ceiling.
    expect(delays()).toEqual([299, 300, 0, 2397, 4795, 4995]);
    const ceilings = [300, 600, 1200, 2400, 4800, 5000];
    delays().forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[n] ?? 0);
    });
  });

  it('jitters: different random draws give different delays within the same bound', async () => {
    const draws: number[] = [];
    for (const random of [0.1, 0.9]) {
      stubFetch(networkDown(), envelope('ok'));
      const { client, delays } = createTestClient({ random: () => random });
      await client.get('/api/v1/x');
      draws.push(...delays());
    }
    expect(draws).toEqual([30, 270]);
  });

  it('honours Retry-After on 429', async () => {
    const fetch = stubFetch(
      errorResponse('RATE_LIMITED', 429, { headers: { 'retry-after': '2' } }),
      envelope('ok'),
    );
    const { client, delays } = createTestClient();
    await expect(client.post('/api/v1/x', {})).resolves.toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(delays()).toEqual([2000]);
  });

  it('throws RATE_LIMITED at once when Retry-After is longer than it is willing to wait', async () => {
    const fetch = stubFetch(errorResponse('RATE_LIMITED', 429, { headers: { 'retry-after': '120' } }));
    const { client, sleep } = createTestClient();
    await expect(client.get('/api/v1/x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 120_000,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});
