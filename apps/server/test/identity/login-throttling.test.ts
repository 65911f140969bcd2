import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { PASSWORD, signUp, uniqueEmail } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

// 3 failures per e-mail + address; the account-wide limit is 10× that (30) over an hour.
const t = setupApiTest({ env: { LOGIN_MAX_FAILURES: '3', AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

const attempt = (email: string, password: string, from: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    payload: { email, password },
  });

/** What a client can observe of an answer, without the per-request parts (request id, date). */
const observable = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  code: res.json().error?.code,
  message: res.json().error?.message,
  headers: Object.keys(res.headers)
    .filter(
      (h) =>
        !['x-request-id', 'date', 'content-length', 'x-ratelimit-remaining', 'x-ratelimit-reset'].includes(h),
    )
    .sort(),
  retryAfter: res.headers['retry-after'] === undefined ? undefined : Number(res.headers['retry-after']) > 0,
});

describe('sign-in throttling (ADR 0006)', () => {
  it('an unknown e-mail and a real account answer identically, attempt after attempt (no account enumeration)', async () => {
    const real = await signUp(t.app);
    const seen = { real: [] as unknown[], unknown: [] as unknown[] };
    const nobody = uniqueEmail('nobody');
    for (let i = 0; i < 6; i++) {
      seen.real.push(observable(await attempt(real.email, `wrong-${i}-guess`, '10.1.0.1')));
      seen.unknown.push(observable(await attempt(nobody, `wrong-${i}-guess`, '10.1.0.1')));
    }
    expect(seen.unknown).toEqual(seen.real);
    expect(seen.real.map((o) => (o as { status: number }).status)).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('the real user signs in from their own address while an attacker elsewhere is throttled, and is told by e-mail', async () => {
    const victim = await signUp(t.app);
    for (let i = 0; i < 3; i++)
      expect((await attempt(victim.email, `guess-${i}`, '10.2.0.66')).statusCode).toBe(401);
    // The attacker's address is throttled — even with the right password.
    expect((await attempt(victim.email, PASSWORD, '10.2.0.66')).statusCode).toBe(429);
    // The account is not locked: the holder signs in from their own address.
    expect((await attempt(victim.email, PASSWORD, '10.2.0.5')).statusCode).toBe(200);
    const mail = await dbRows<{ to_address: string; subject: string }>(
      t,
      sql`select to_address, subject from mail_outbox where to_address = ${victim.email}`,
    );
    expect(mail.map((m) => m.subject)).toContain('Failed sign-in attempts to your Tessera account');
  });

  it("many addresses: the slower account-wide limit stops new addresses, the holder's known device still signs in", async () => {
    const victim = await signUp(t.app);
    expect((await attempt(victim.email, PASSWORD, '10.3.0.5')).statusCode).toBe(200); // a known device
    for (let i = 0; i < 30; i++)
      expect((await attempt(victim.email, `guess-${i}`, `10.3.1.${i}`)).statusCode).toBe(401);
    expect((await attempt(victim.email, PASSWORD, '10.3.2.1')).statusCode).toBe(429);
    expect((await attempt(victim.email, PASSWORD, '10.3.0.5')).statusCode).toBe(200);
  });
});
