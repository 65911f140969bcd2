import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBearer, type BrowserSession, PASSWORD, signUp, tokenPair } from '../helpers/auth-client.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';

let s: BrowserSession;
let valid: string;
const t = setupApiTest();
beforeAll(async () => {
  s = await signUp(t.app);
  valid = (await tokenPair(t.app, s.email, PASSWORD)).accessToken;
});

const me = (token: string) => asBearer(t.app, token, { method: 'GET', url: '/api/v1/auth/me' });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claims = () => JSON.parse(Buffer.from(valid.split('.')[1] as string, 'base64url').toString());

describe('access-token verification', () => {
  it('accepts the genuine token', async () => {
    expect((await me(valid)).statusCode).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses a tampered payload (another tenant id) with the original signature', async () => {
    const [h, , sig] = valid.split('.');
    const token = `${h}.${b64({ ...claims(), tid: '01a1fcbb-0000-7000-8000-000000000000' })}.${sig}`;
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses a token signed with another secret, or another algorithm', async () => {
    const foreign = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-that-is-also-32-chars-long'));
    expect((await me(foreign)).statusCode).toBe(401);
    const hs512 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS512' })
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect((await me(hs512)).statusCode).toBe(401);
  });

  it('refuses an expired token, and wrong issuer or audience', async () => {
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const base = claims();
    const expired = await new SignJWT({ ...base, exp: Math.floor(Date.now() / 1000) - 10 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);
    expect((await me(expired)).statusCode).toBe(401);
    const otherIss = await new SignJWT({ ...base, iss: 'someone-else' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);
    expect((await me(otherIss)).statusCode).toBe(401);
    const otherAud = await new SignJWT({ ...base, aud: 'other-api' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);
    expect((await me(otherAud)).statusCode).toBe(401);
  });

  it('refuses garbage and says so in the envelope', async () => {
    for (const token of ['', 'abc', 'a.b.c', `${valid}x`]) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a validly signed token for a session that does not exist is refused', async () => {
    const forged = await new SignJWT({ ...claims(), sid: '01a1fcbb-0000-7000-8000-000000000001' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect((await me(forged)).statusCode).toBe(401);
  });
});
