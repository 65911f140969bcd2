import { describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, PASSWORD, signUp } from '../helpers/auth-client.ts';
import { totpCodes } from '../helpers/totp-codes.ts';

const t = setupApiTest({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

/** A user with 2FA on (enabled with the previous step's code); returns the codes still usable. */
const withTotp = async () => {
  const s: BrowserSession = await signUp(t.app);
  const setup = (await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/totp/setup' })).json().data;
  const codes = await totpCodes(setup.secret);
  const enabled = await asBrowser(t.app, s, {
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    payload: { code: codes.previous },
  });
  expect(enabled.statusCode).toBe(200);
  return { s, codes };
};

const login = (email: string, totp: string, url = '/api/v1/auth/login') =>
  t.app.inject({ method: 'POST', url, payload: { email, password: PASSWORD, totp } });

describe('a TOTP code (its time step) is accepted at most once per user', () => {
  it('login, then the same code again on /auth/login and /auth/token → 401; an older code → 401; a newer one works', async () => {
    const { s, codes } = await withTotp();
    // The code used to enable 2FA is spent already.
    expect((await login(s.email, codes.previous)).statusCode).toBe(401);
    expect((await login(s.email, codes.current)).statusCode).toBe(200);
    const replay = await login(s.email, codes.current);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.details).toEqual({ reason: 'TOTP_REQUIRED' });
    expect((await login(s.email, codes.current, '/api/v1/auth/token')).statusCode).toBe(401);
    expect((await login(s.email, codes.next, '/api/v1/auth/token')).statusCode).toBe(200);
    // Once a newer step was used, an older (still in-window) code is refused too.
    expect((await login(s.email, codes.current)).statusCode).toBe(401);
  });

  it('two concurrent logins with the same code: exactly one wins', async () => {
    const { s, codes } = await withTotp();
    const results = await Promise.all([
      login(s.email, codes.current),
      login(s.email, codes.current, '/api/v1/auth/token'),
      login(s.email, codes.current),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });
});
