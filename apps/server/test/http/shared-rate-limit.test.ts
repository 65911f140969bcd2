import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Two app instances with the same REDIS_URL (the Redis running on this machine, a real process) share every
// rate-limit counter: requests alternating between A and B hit one limit (ADR 0011).
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = {
  REDIS_URL,
  RATE_LIMIT_MAX: '4',
  RATE_LIMIT_WINDOW_MS: '60000',
  AUTH_RATE_LIMIT_PER_MINUTE: '5',
};
// A client address of its own per run, so parallel runs (PGlite and PostgreSQL projects) never share a counter.
const address = () => `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;

describe('rate limits shared through Redis (REDIS_URL)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts the global limit once across both instances', async () => {
    const remoteAddress = address();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a.app : b.app;
      const res = await app.inject({ method: 'GET', url: '/api/v1/does-not-exist', remoteAddress });
      statuses.push(res.statusCode);
    }
    // 4 allowed in total (2 on each), then both refuse: one counter, not one per process.
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
    // Another address is not affected on either instance.
    const other = await b.app.inject({
      method: 'GET',
      url: '/api/v1/does-not-exist',
      remoteAddress: address(),
    });
    expect(other.statusCode).not.toBe(429);
  });

  it('counts the sign-in limit once across both instances', async () => {
    const remoteAddress = address();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const app = i % 2 === 0 ? a.app : b.app;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { email: 'nobody@example.com', password: 'wrong-password-1' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
