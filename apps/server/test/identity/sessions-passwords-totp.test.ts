import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/modules/identity/tables.ts';
import { recentMail } from '../../src/platform/mail/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, logIn, PASSWORD, signUp } from '../helpers/auth-client.ts';
import { totpCodes } from '../helpers/totp-codes.ts';

const t = setupApiTest();

const mailTo = async (email: string) => (await recentMail(t.database.db)).filter((m) => m.to === email);

describe('sessions', () => {
  it('lists your sessions, ends one at once, and ends all others', async () => {
    const a = await signUp(t.app);
    const b = await logIn(t.app, a.email, PASSWORD);
    const c = await logIn(t.app, a.email, PASSWORD);
    const list = (await asBrowser(t.app, a, { method: 'GET', url: '/api/v1/auth/sessions' })).json().data;
    expect(list).toHaveLength(3);
    expect(list.filter((x: { current: boolean }) => x.current)).toHaveLength(1);
    const bId = list.find((x: { current: boolean; id: string }) => !x.current && x.id).id;
    const del = await asBrowser(t.app, a, { method: 'DELETE', url: `/api/v1/auth/sessions/${bId}` });
    expect(del.statusCode).toBe(200);
    const stillWorking = [
      await asBrowser(t.app, b, { method: 'GET', url: '/api/v1/auth/me' }),
      await asBrowser(t.app, c, { method: 'GET', url: '/api/v1/auth/me' }),
    ]
      .map((r) => r.statusCode)
      .sort();
    expect(stillWorking).toEqual([200, 401]);
    expect(
      (await asBrowser(t.app, a, { method: 'POST', url: '/api/v1/auth/sessions/revoke-all' })).json().data
        .revoked,
    ).toBe(1);
    expect((await asBrowser(t.app, b, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await asBrowser(t.app, c, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await asBrowser(t.app, a, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it("another user's session id is a 404 and stays alive", async () => {
    const mine = await signUp(t.app);
    const theirs = await signUp(t.app);
    const theirId = (await asBrowser(t.app, theirs, { method: 'GET', url: '/api/v1/auth/sessions' })).json()
      .data[0].id;
    expect(
      (await asBrowser(t.app, mine, { method: 'DELETE', url: `/api/v1/auth/sessions/${theirId}` }))
        .statusCode,
    ).toBe(404);
    expect((await asBrowser(t.app, theirs, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect(
      (await asBrowser(t.app, mine, { method: 'DELETE', url: '/api/v1/auth/sessions/not-a-uuid' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('passwords', () => {
  it('forgot → e-mail with a link → reset: new password works, old does not, sessions end', async () => {
    const s = await signUp(t.app);
    const forgot = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/forgot',
      payload: { email: s.email },
    });
    expect(forgot.statusCode).toBe(202);
    const [mail] = await mailTo(s.email);
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'a brand new password' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: s.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect((await logIn(t.app, s.email, 'a brand new password')).userId).toBe(s.userId);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'another new password' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('answers 202 for an unknown e-mail too, and sends nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/forgot',
      payload: { email: 'nobody-here@example.test' },
    });
    expect(res.statusCode).toBe(202);
    expect(await mailTo('nobody-here@example.test')).toEqual([]);
  });

  it('change needs the current password; the new one must differ from the e-mail', async () => {
    const s = await signUp(t.app);
    const other = await logIn(t.app, s.email, PASSWORD);
    const wrong = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not it at all', newPassword: 'something else 1' },
    });
    expect(wrong.statusCode).toBe(400);
    const asEmail = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: s.email },
    });
    expect(asEmail.statusCode).toBe(400);
    const hashBefore = (await t.database.db.select().from(users).where(eq(users.id, s.userId)))[0]
      ?.passwordHash;
    const ok = await asBrowser(t.app, s, {
      method: 'PATCH',
      url: '/api/v1/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'something else 1' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.database.db.select().from(users).where(eq(users.id, s.userId)))[0]?.passwordHash,
    ).not.toBe(hashBefore);
    expect((await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await asBrowser(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('stores argon2id hashes, never the password', async () => {
    const s = await signUp(t.app);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, s.userId));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });
});

describe('two-factor (TOTP)', () => {
  it('setup → enable with a code → login asks for the code → disable with code + password', async () => {
    const s = await signUp(t.app);
    const setup = (await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/auth/totp/setup' })).json().data;
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const [stored] = await t.database.db.select().from(users).where(eq(users.id, s.userId));
    expect(stored?.totpSecret).not.toContain(setup.secret);
    expect(
      (
        await asBrowser(t.app, s, {
          method: 'POST',
          url: '/api/v1/auth/totp/enable',
          payload: { code: '000000' },
        })
      ).statusCode,
    ).toBe(400);
    // Each use of a code consumes its time step (#16): enable, sign-in and disable take codes of three steps.
    const codes = await totpCodes(setup.secret);
    const enabled = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      payload: { code: codes.previous },
    });
    expect(enabled.json().data.totpEnabled).toBe(true);

    const noCode = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: PASSWORD },
    });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.details).toEqual({ reason: 'TOTP_REQUIRED' });
    expect(noCode.cookies).toHaveLength(0);
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: PASSWORD, totp: '123456' },
    });
    expect(badCode.statusCode).toBe(401);
    const withCode = await logIn(t.app, s.email, PASSWORD, { totp: codes.current });
    expect(withCode.userId).toBe(s.userId);

    const disableBad = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { code: codes.next, password: 'wrong password' },
    });
    expect(disableBad.statusCode).toBe(400);
    const disabled = await asBrowser(t.app, s, {
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { code: codes.next, password: PASSWORD },
    });
    expect(disabled.json().data.totpEnabled).toBe(false);
    expect((await logIn(t.app, s.email, PASSWORD)).userId).toBe(s.userId);
  });

  it('rejects malformed codes with 400', async () => {
    const s = await signUp(t.app);
    for (const code of ['12345', 'abcdef', 1234567]) {
      const res = await asBrowser(t.app, s, {
        method: 'POST',
        url: '/api/v1/auth/totp/enable',
        payload: { code },
      });
      expect(res.statusCode).toBe(400);
    }
  });
});
