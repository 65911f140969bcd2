import { errorEnvelope } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { probeRoutes } from '../helpers/probe-routes.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const probe = probeRoutes();

const t = setupApiTest({ plugins: [probe.plugin], env: { BODY_LIMIT_BYTES: '2048' } });

const post = (payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/_probe',
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  });

const expectError = (
  res: { statusCode: number; json: () => unknown; headers: Record<string, unknown> },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  const body = errorEnvelope.parse(res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
  return body.error;
};

describe('request ids', () => {
  it('generates one when absent and echoes it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the caller's X-Request-Id, in the header and in errors", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(expectError(res, 404, 'NOT_FOUND').requestId).toBe('abc-123');
  });

  it('replaces a malformed X-Request-Id instead of echoing it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(res.headers['x-request-id']).not.toContain('<');
  });
});

describe('error envelope', () => {
  it('unknown /api route → 404 NOT_FOUND (any method)', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expectError(await t.app.inject({ method, url: '/api/v1/does-not-exist' }), 404, 'NOT_FOUND');
    }
  });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'ok', amount: 1 }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ success: true, data: { name: 'ok', amount: 1 } });
  });

  it('malformed JSON → 400 VALIDATION_ERROR', async () => {
    expectError(await post('{"name": '), 400, 'VALIDATION_ERROR');
  });

  it('wrong types → 400 with per-field details', async () => {
    const err = expectError(await post(JSON.stringify({ name: 42, amount: 'ten' })), 400, 'VALIDATION_ERROR');
    const paths = (err.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['body.amount', 'body.name']);
  });

  it('missing fields → 400 naming them', async () => {
    const err = expectError(await post(JSON.stringify({})), 400, 'VALIDATION_ERROR');
    expect((err.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'body.amount',
      'body.name',
    ]);
    expect((err.details as { message: string }[]).map((d) => d.message).sort()).toEqual([
      'Amount is required',
      'Name is required',
    ]);
  });

  it('details speak with the field label (the contracts issue mapping), not Zod wording', async () => {
    const before = probe.calls.create;
    const err = expectError(
      await post(JSON.stringify({ name: 'x'.repeat(51), amount: 'ten' })),
      400,
      'VALIDATION_ERROR',
    );
    const messages = (err.details as { message: string }[]).map((d) => d.message).sort();
    expect(messages).toEqual(['Amount must be a number', 'Name can be at most 50 characters']);
    expect(probe.calls.create).toBe(before);
  });

  it('unknown fields → 400 (no mass assignment)', async () => {
    const before = probe.calls.create;
    const err = expectError(
      await post(JSON.stringify({ name: 'x', amount: 1, tenantId: 'other', id: 'mine' })),
      400,
      'VALIDATION_ERROR',
    );
    expect(JSON.stringify(err.details)).toMatch(/tenantId|unrecognized/i);
    expect(probe.calls.create).toBe(before);
  });

  it('oversize string field → 400', async () => {
    expectError(await post(JSON.stringify({ name: 'x'.repeat(51), amount: 1 })), 400, 'VALIDATION_ERROR');
  });

  it('body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    expectError(await post(JSON.stringify({ name: 'x'.repeat(4000), amount: 1 })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('wrong content type → 415', async () => {
    expectError(
      await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('JSON that is not an object (null, array, number) → 400', async () => {
    for (const body of ['null', '[]', '7', '"s"']) expectError(await post(body), 400, 'VALIDATION_ERROR');
  });

  it('prototype pollution attempt → 400, nothing polluted', async () => {
    const res = await post('{"name":"x","amount":1,"__proto__":{"polluted":true}}');
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('AppError keeps its code and message', async () => {
    const err = expectError(
      await t.app.inject({ method: 'POST', url: '/api/v1/_probe/conflict' }),
      409,
      'CONFLICT',
    );
    expect(err.message).toBe('Stale version');
  });

  it('unexpected error → 500 INTERNAL with no stack, SQL or original message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/_probe/boom' });
    const err = expectError(res, 500, 'INTERNAL');
    expect(res.body).not.toMatch(/secret_column|select|password|stack|at .*\.ts/i);
    expect(err.message).toMatch(/Something went wrong/);
  });
});

describe('security headers, CORS, rate limit', () => {
  it('sets nosniff, a CSP and frame protection', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('does not allow cross-origin calls by default', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS allowlist and rate limit (configured)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({
      plugins: [probe.plugin],
      env: { CORS_ORIGINS: 'https://app.example.com', RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' },
    });
  });
  afterAll(() => limited.close());

  it('allows an origin on the allowlist with credentials', async () => {
    const res = await limited.app.inject({
      method: 'GET',
      url: '/api/v1/does-not-exist',
      headers: { origin: 'https://app.example.com' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it('answers 429 RATE_LIMITED with Retry-After past the limit', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof limited.app.inject>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await limited.app.inject({
        method: 'GET',
        url: '/api/v1/_probe/nope',
        remoteAddress: '10.9.9.9',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
    if (!last) throw new Error('no response');
    expectError(last, 429, 'RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
