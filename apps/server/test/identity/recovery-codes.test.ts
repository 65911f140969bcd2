import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recoveryCodes, users } from '../../src/modules/identity/tables.ts';
import { auditLogs } from '../../src/platform/audit/tables.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, PASSWORD, signUp } from '../helpers/auth-client.ts';
import { totpCodes } from '../helpers/totp-codes.ts';

const t = setupApiTest({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

/** A user with 2FA on; returns the recovery codes the enable call showed, and the authenticator codes. */
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
  const data = enabled.json().data;
  expect(data.totpEnabled).toBe(true);
  return { s, codes, recovery: data.recoveryCodes as string[] };
};

const login = (email: string, totp: string, url = '/api/v1/auth/login') =>
  t.app.inject({ method: 'POST', url, payload: { email, password: PASSWORD, totp } });

const storedHashes = async (userId: string) =>
  (await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).map(
    (r) => r.codeHash,
  );

const userIdOf = async (email: string) =>
  (await t.database.db.select().from(users).where(eq(users.email, email)))[0]?.id as string;

describe('two-factor recovery codes', () => {
  it('enabling 2FA shows 10 codes once; only their hashes are stored', async () => {
    const { s, recovery } = await withTotp();
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    for (const code of recovery) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await storedHashes(await userIdOf(s.email));
    expect(hashes).toHaveLength(10);
    for (const code of recovery) {
      expect(hashes).not.toContain(code);
      expect(hashes.some((h) => h.includes(code.replace('-', '')))).toBe(false);
    }
    const status = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/totp/recovery-codes' });
    expect(status.json().data).toEqual({ remaining: 10 });
  });

  it('a recovery code signs in once (any case, with or without the dash); a second use → 401', async () => {
    const { s, recovery } = await withTotp();
    const [first = '', second = ''] = recovery;
    const ok = await login(s.email, first.toUpperCase());
    expect(ok.statusCode).toBe(200);
    const again = await login(s.email, first.replace('-', ''));
    expect(again.statusCode).toBe(401);
    expect(again.json().error.details).toEqual({ reason: 'TOTP_REQUIRED' });
    expect((await login(s.email, second, '/api/v1/auth/token')).statusCode).toBe(200);
    const status = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/totp/recovery-codes' });
    expect(status.json().data).toEqual({ remaining: 8 });
    const audit = await t.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.targetId, await userIdOf(s.email)));
    expect(audit.filter((a) => a.action === 'auth.recovery_code_used')).toHaveLength(2);
  });

  it('a made-up code or another user’s code → 401; a malformed one → 400', async () => {
    const a = await withTotp();
    const b = await withTotp();
    expect((await login(a.s.email, 'aaaaa-bbbbb')).statusCode).toBe(401);
    expect((await login(a.s.email, b.recovery[0] as string)).statusCode).toBe(401);
    for (const bad of ['abc', 'aaaaa-bbbbb-ccccc', '12345\u0000', 'x'.repeat(5000)])
      expect((await login(a.s.email, bad)).statusCode).toBe(400);
    // b's code still works for b.
    expect((await login(b.s.email, b.recovery[0] as string)).statusCode).toBe(200);
  });

  it('concurrent sign-ins with the same recovery code: exactly one wins', async () => {
    const { s, recovery } = await withTotp();
    const code = recovery[3] as string;
    const results = await Promise.all([
      login(s.email, code),
      login(s.email, code, '/api/v1/auth/token'),
      login(s.email, code),
      login(s.email, code, '/api/v1/auth/token'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401]);
  });

  it('a new set (with the password) replaces the old one; a wrong password changes nothing', async () => {
    const { s, recovery } = await withTotp();
    const userId = await userIdOf(s.email);
    const before = await storedHashes(userId);
    const wrong = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect((await storedHashes(userId)).sort()).toEqual(before.sort());
    for (const payload of [{}, { password: 'x', extra: 1 }, { password: 5 }]) {
      const bad = await asBrowser(t.app, s, {
        method: 'POST',
        url: '/api/v1/auth/totp/recovery-codes',
        payload,
      });
      expect(bad.statusCode).toBe(400);
    }
    expect((await storedHashes(userId)).sort()).toEqual(before.sort());
    const fresh = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { password: PASSWORD },
    });
    expect(fresh.statusCode).toBe(200);
    const next = fresh.json().data.recoveryCodes as string[];
    expect(next).toHaveLength(10);
    expect(next.filter((c) => recovery.includes(c))).toEqual([]);
    expect((await login(s.email, recovery[0] as string)).statusCode).toBe(401);
    expect((await login(s.email, next[0] as string)).statusCode).toBe(200);
  });

  it('disabling 2FA with a recovery code works and deletes the codes; without 2FA there are none', async () => {
    const { s, recovery } = await withTotp();
    const off = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { code: recovery[5], password: PASSWORD },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().data.totpEnabled).toBe(false);
    expect(await storedHashes(await userIdOf(s.email))).toEqual([]);
    const status = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/totp/recovery-codes' });
    expect(status.statusCode).toBe(409);
    const regen = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { password: PASSWORD },
    });
    expect(regen.statusCode).toBe(409);
  });

  it('without a session: 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/totp/recovery-codes' });
    expect(res.statusCode).toBe(401);
  });
});
