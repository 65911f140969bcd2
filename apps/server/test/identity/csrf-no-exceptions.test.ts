import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';

let s: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  s = await signUp(t.app);
}, 60_000);

describe('CSRF: a cookie request needs the token whatever other credentials it carries', () => {
  const bogus = [
    { authorization: 'Bearer not-a-real-token' },
    { authorization: 'Bearer tsk_00000000000000000000000000000000_bogus' },
    { 'x-api-key': 'tsk_bogus' },
  ];

  it.each(bogus)(
    'POST /auth/logout with the session cookie and %o but no CSRF token → 403, session kept',
    async (headers) => {
      const res = await asBrowser(t.app, s, {
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers,
        csrf: false,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect((await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    },
  );

  it('the same on a protected route: the header credential fails, the cookie still needs its token', async () => {
    const res = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { firstName: 'A', lastName: 'B' },
      headers: { 'x-api-key': 'tsk_bogus' },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
  });

  it('with the CSRF token, logout beside a bogus header is allowed', async () => {
    const res = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: 'Bearer not-a-real-token' },
    });
    expect(res.statusCode).toBe(200);
  });
});
