import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './tokens.ts';

const SECRET = 'unit-test-secret-that-is-long-enough-for-hs256';
const claims = { userId: 'u1', sessionId: 's1', tenantId: 't1' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (header: unknown, payload: unknown, secret = SECRET) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);
const good = () => ({ sub: 'u1', sid: 's1', tid: 't1', iss: 'tessera', aud: 'tessera-api', exp: now() + 60 });

describe('access tokens (HS256 with node:crypto)', () => {
  it('round-trips a signed token', async () => {
    expect(verifyAccessToken(SECRET, await signAccessToken(SECRET, claims, 60))).toEqual(claims);
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, good()))).toEqual(claims);
  });

  it('refuses other secrets, algorithms, crit headers and odd types', () => {
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, good(), 'other-secret'))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS512' }, good()))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'hs256' }, good()))).toBeUndefined();
    expect(
      verifyAccessToken(SECRET, sign({ alg: 'HS256', crit: ['b64'], b64: false }, good())),
    ).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256', typ: 'JOSE+JSON' }, good()))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign(['HS256'], good()))).toBeUndefined();
  });

  it('refuses missing, past or non-numeric expiry, a future nbf, wrong issuer or audience, missing claims', () => {
    const { exp: _exp, ...noExp } = good();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, noExp))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), exp: now() - 1 }))).toBeUndefined();
    expect(
      verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), exp: '9999999999' })),
    ).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), nbf: now() + 60 }))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), iss: 'x' }))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), aud: 'x' }))).toBeUndefined();
    expect(
      verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), aud: ['x', 'tessera-api'] })),
    ).toEqual(claims);
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, { ...good(), tid: 5 }))).toBeUndefined();
    expect(verifyAccessToken(SECRET, sign({ alg: 'HS256' }, 'just a string'))).toBeUndefined();
  });

  it('refuses malformed compact forms', async () => {
    const token = await signAccessToken(SECRET, claims, 60);
    const [h, p, s] = token.split('.') as [string, string, string];
    for (const bad of [
      '',
      'a.b',
      `${token}.extra`,
      `${h}.${p}.`,
      `${h}.${p}.${s}=`,
      `${h}.${p}.${s.slice(0, -2)}`,
      `${h}.${p}+.${s}`,
      ` ${token}`,
      `${h}.${p}.${s}\u0000`,
      'x'.repeat(5000),
    ]) {
      expect(verifyAccessToken(SECRET, bad)).toBeUndefined();
    }
  });
});
