import { meSchema, successEnvelope } from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLogs } from '../../src/platform/audit/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import {
  asBearer,
  asBrowser,
  logIn,
  PASSWORD,
  signUp,
  tokenPair,
  uniqueEmail,
} from '../helpers/auth-client.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = setupApiTest();

const count = async (table: string) =>
  Number(
    (
      (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

describe('sign-up', () => {
  it('creates the tenant with the system roles, the owner membership and cookies; no token in the body', async () => {
    const s = await signUp(t.app, { tenantName: 'Acme Roofing' });
    expect(s.body.tenant.name).toBe('Acme Roofing');
    expect(s.body.memberships).toHaveLength(1);
    expect(s.body.memberships[0]?.roleName).toBe('Owner');
    expect(Object.keys(s.cookies).sort()).toEqual(['tessera_at', 'tessera_csrf', 'tessera_rt']);
    expect(JSON.stringify(s.body)).not.toMatch(/eyJ|refresh/i);
    const me = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    const data = successEnvelope(meSchema).parse(me.json()).data;
    expect(data.role.name).toBe('Owner');
    expect(data.permissions).toContain('roles.manage');
    const roles = await t.database.db.execute(
      sql`select count(*)::int as n from roles where tenant_id = ${s.tenantId}`,
    );
    expect((roles as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(12);
    const audit = await t.database.db.select().from(auditLogs).where(eq(auditLogs.tenantId, s.tenantId));
    expect(audit.map((a) => a.action).sort()).toEqual(['auth.signup', 'tenant.created']);
  });

  it('sets HttpOnly + SameSite=Lax cookies; the CSRF cookie is readable by the page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { tenantName: 'X', name: 'Y', email: uniqueEmail(), password: PASSWORD },
    });
    const byName = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(byName.tessera_at).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(byName.tessera_rt).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(byName.tessera_csrf?.httpOnly).toBeFalsy();
  });

  it('uses __Host- cookies with Secure over HTTPS', async () => {
    const https = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { tenantName: 'X', name: 'Y', email: uniqueEmail(), password: PASSWORD },
      });
      expect(res.statusCode).toBe(201);
      for (const c of res.cookies) {
        expect(c.name.startsWith('__Host-')).toBe(true);
        expect(c.secure).toBe(true);
      }
    } finally {
      await https.close();
    }
  });

  it('rejects bad input with 400 and creates nothing', async () => {
    const before = await Promise.all(['tenants', 'users', 'roles', 'memberships'].map(count));
    const bad = [
      {},
      { tenantName: 'A', name: 'B', email: 'not-an-email', password: PASSWORD },
      { tenantName: 'A', name: 'B', email: uniqueEmail(), password: 'short' },
      { tenantName: 'A', name: 'B', email: uniqueEmail(), password: 'x'.repeat(129) },
      { tenantName: 'A', name: 'B', email: 'same@example.test', password: 'same@example.test' },
      { tenantName: 42, name: 'B', email: uniqueEmail(), password: PASSWORD },
      {
        tenantName: 'A',
        name: 'B',
        email: uniqueEmail(),
        password: PASSWORD,
        tenantId: '00000000-0000-0000-0000-000000000000',
      },
      { tenantName: 'x'.repeat(201), name: 'B', email: uniqueEmail(), password: PASSWORD },
    ];
    for (const payload of bad) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    expect(await Promise.all(['tenants', 'users', 'roles', 'memberships'].map(count))).toEqual(before);
  });

  it('a second sign-up with the same e-mail is a 409 and creates no tenant', async () => {
    const s = await signUp(t.app);
    const tenants = await count('tenants');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { tenantName: 'Again', name: 'B', email: s.email.toUpperCase(), password: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(await count('tenants')).toBe(tenants);
  });
});

describe('login', () => {
  it('signs in, and unknown e-mail and wrong password get the same answer', async () => {
    const s = await signUp(t.app);
    const ok = await logIn(t.app, s.email, PASSWORD);
    expect(ok.tenantId).toBe(s.tenantId);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: 'wrong password!' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: uniqueEmail('nobody'), password: 'wrong password!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const audit = await t.database.db.select().from(auditLogs).where(eq(auditLogs.tenantId, s.tenantId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
  });

  it('locks the account after 10 consecutive failures (429 + Retry-After) without affecting other accounts', async () => {
    const victim = await signUp(t.app);
    const other = await signUp(t.app);
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: victim.email, password: `guess-${i}-wrong` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: victim.email, password: PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await logIn(t.app, other.email, PASSWORD)).userId).toBe(other.userId);
  });

  it('limits sign-in attempts per client address', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.0.0.7',
          payload: { email: uniqueEmail(), password: 'whatever123' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.at(-1)).toBe(429);
      const fromElsewhere = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.8',
        payload: { email: uniqueEmail(), password: 'whatever123' },
      });
      expect(fromElsewhere.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('logout, refresh, CSRF', () => {
  it('state-changing cookie requests need the CSRF header (403 without), reads do not', async () => {
    const s = await signUp(t.app);
    const without = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      payload: { name: 'New Name' },
      csrf: false,
    });
    expect(without.statusCode).toBe(403);
    const wrong = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      payload: { name: 'New Name' },
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const me = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().data.user.name).toBe('Owner Person');
    const ok = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      payload: { name: 'New Name' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.name).toBe('New Name');
  });

  it('logout ends the session at once: the same access cookie is refused afterwards', async () => {
    const s = await signUp(t.app);
    const stolen = { ...s, cookies: { ...s.cookies } };
    expect((await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    const after = await asBrowser(t.app, stolen, { method: 'GET', url: '/api/v1/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('refresh rotates the cookies; reusing a spent refresh token revokes the whole session', async () => {
    const s = await signUp(t.app);
    const spent = { ...s.cookies };
    const refreshed = await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/refresh' });
    expect(refreshed.statusCode).toBe(200);
    expect(s.cookies.tessera_rt).not.toBe(spent.tessera_rt);
    // An attacker replays the old refresh token...
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: `tessera_rt=${spent.tessera_rt}` },
    });
    expect(replay.statusCode).toBe(401);
    // ...and the legitimate, newest session stops working too.
    expect((await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/refresh' })).statusCode).toBe(401);
  });
});

describe('API-client tokens', () => {
  it('issues a Bearer pair; refresh rotates; reuse revokes the family (the newest pair stops too)', async () => {
    const s = await signUp(t.app);
    const first = await tokenPair(t.app, s.email, PASSWORD);
    expect(
      (await asBearer(t.app, first.accessToken, { method: 'GET', url: '/api/v1/auth/me' })).statusCode,
    ).toBe(200);
    const second = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token/refresh',
        payload: { refreshToken: first.refreshToken },
      })
    ).json().data;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(reuse.statusCode).toBe(401);
    expect(
      (await asBearer(t.app, second.accessToken, { method: 'GET', url: '/api/v1/auth/me' })).statusCode,
    ).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token/refresh',
      payload: { refreshToken: second.refreshToken },
    });
    expect(again.statusCode).toBe(401);
  });

  it('Bearer requests need no CSRF header', async () => {
    const s = await signUp(t.app);
    const pair = await tokenPair(t.app, s.email, PASSWORD);
    const res = await asBearer(t.app, pair.accessToken, {
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      payload: { name: 'Via Token' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('rejects malformed refresh tokens with 401 and bad bodies with 400', async () => {
    for (const refreshToken of ['x', 'not.a.token', `${'0'.repeat(36)}.abc`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token/refresh',
        payload: { refreshToken },
      });
      expect(res.statusCode).toBe(401);
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/token/refresh',
          payload: { refreshToken: 1 },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/token/refresh', payload: {} })).statusCode,
    ).toBe(400);
  });
});
