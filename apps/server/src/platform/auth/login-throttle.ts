import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { loginThrottles } from './tables.ts';
import { sha256 } from './tokens.ts';

/** How the limits are set (from LOGIN_MAX_FAILURES / LOGIN_LOCKOUT_MINUTES). */
export interface LoginThrottleLimits {
  /** Failures per e-mail + client address within the window before that pair is blocked. */
  maxFailures: number;
  /** Length of the window and of a block, in minutes. */
  lockoutMinutes: number;
}

/** The account-wide limit is this many times the pair limit, counted over an hour: slower, and addresses that signed in before are exempt. */
export const ACCOUNT_LIMIT_FACTOR = 10;
const ACCOUNT_WINDOW_MINUTES = 60;
/** An address stays "known" for the account this long after a successful sign-in. */
const KNOWN_DEVICE_DAYS = 30;

const emailKey = (email: string) => sha256(email.trim().toLowerCase());
const keysFor = (email: string, ip: string) => {
  const e = emailKey(email);
  return { pair: `p:${e}:${ip}`, account: `a:${e}`, known: `k:${e}:${ip}` };
};

/**
 * Sign-in throttling (ADR 0006): per e-mail + client address, plus a slower per-account limit that addresses
 * which signed in before are exempt from. Unknown and known e-mails go through exactly the same steps.
 */
export const loginThrottle = (db: Db, limits: LoginThrottleLimits) => {
  /** Seconds until the caller may try again, or 0. */
  const blockedFor = async (email: string, ip: string): Promise<number> => {
    const k = keysFor(email, ip);
    const rows = await db
      .select()
      .from(loginThrottles)
      .where(inArray(loginThrottles.key, [k.pair, k.account, k.known]));
    const now = Date.now();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const until = (key: string) => byKey.get(key)?.blockedUntil?.getTime() ?? 0;
    const known = (byKey.get(k.known)?.lastSuccessAt?.getTime() ?? 0) > now - KNOWN_DEVICE_DAYS * 86_400_000;
    const end = Math.max(until(k.pair), known ? 0 : until(k.account));
    return end > now ? Math.ceil((end - now) / 1000) : 0;
  };

  /** Counts one failure in a window; returns whether this failure started a block. */
  const count = async (key: string, max: number, windowMinutes: number): Promise<boolean> => {
    const [row] = await db
      .insert(loginThrottles)
      .values({
        key,
        failures: 1,
        blockedUntil: max <= 1 ? sql`now() + make_interval(mins => ${limits.lockoutMinutes})` : null,
      })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.windowStart} < now() - make_interval(mins => ${windowMinutes}) then 1 else ${loginThrottles.failures} + 1 end`,
          windowStart: sql`case when ${loginThrottles.windowStart} < now() - make_interval(mins => ${windowMinutes}) then now() else ${loginThrottles.windowStart} end`,
        },
      })
      .returning({ failures: loginThrottles.failures });
    if (!row || row.failures < max) return false;
    // The Nth failure blocks (and restarts the count): later failures while blocked are refused before this.
    await db
      .update(loginThrottles)
      .set({
        failures: 0,
        windowStart: sql`now()`,
        blockedUntil: sql`now() + make_interval(mins => ${limits.lockoutMinutes})`,
      })
      .where(sql`${loginThrottles.key} = ${key}`);
    return true;
  };

  return {
    blockedFor,
    /** A failed password or code for `email` from `ip`; true when a block just began (tell the holder). */
    recordFailure: async (email: string, ip: string): Promise<boolean> => {
      const k = keysFor(email, ip);
      const pair = await count(k.pair, limits.maxFailures, limits.lockoutMinutes);
      const account = await count(
        k.account,
        limits.maxFailures * ACCOUNT_LIMIT_FACTOR,
        ACCOUNT_WINDOW_MINUTES,
      );
      return pair || account;
    },
    /** A successful sign-in: the pair starts afresh and the address becomes a known device of the account. */
    recordSuccess: async (email: string, ip: string) => {
      const k = keysFor(email, ip);
      await db.delete(loginThrottles).where(sql`${loginThrottles.key} = ${k.pair}`);
      await db
        .insert(loginThrottles)
        .values({ key: k.known, lastSuccessAt: sql`now()` })
        .onConflictDoUpdate({ target: loginThrottles.key, set: { lastSuccessAt: sql`now()` } });
    },
  };
};
