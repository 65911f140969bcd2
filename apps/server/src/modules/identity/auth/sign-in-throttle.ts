import { loginThrottle } from '../../../platform/auth/login-throttle.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { queueMail, SEND_MAIL_JOB } from '../../../platform/mail/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';

const throttled = (seconds: number) =>
  new AppError(
    'RATE_LIMITED',
    `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    {
      headers: { 'retry-after': String(seconds) },
    },
  );

/**
 * Sign-in throttling for login and token requests (ADR 0006): the same steps for every e-mail, known or
 * not; the account holder gets an e-mail when a block begins. Work that only a real account has (the
 * notification) runs after the answer is decided and is not awaited, so it does not show in the timing.
 */
export const signInThrottle = (deps: IdentityDeps, email: string, ip: string | null) => {
  const throttle = loginThrottle(deps.database.db, {
    maxFailures: deps.auth.loginMaxFailures,
    lockoutMinutes: deps.auth.loginLockoutMinutes,
  });
  const address = ip ?? 'unknown';
  return {
    /** 429 + Retry-After while this e-mail is blocked for this address. */
    assertAllowed: async () => {
      const seconds = await throttle.blockedFor(email, address);
      if (seconds > 0) throw throttled(seconds);
    },
    /** A failed password or code; `holder` is the account's address when the e-mail is a real account. */
    failed: async (holder: string | undefined, log?: { warn: (o: object, m: string) => void }) => {
      const started = await throttle.recordFailure(email, address);
      if (!started || !holder) return;
      void notifyHolder(deps, holder, address).catch((err: Error) =>
        log?.warn({ err: err.message }, 'throttle notification not queued'),
      );
    },
    succeeded: () => throttle.recordSuccess(email, address),
  };
};

const notifyHolder = async (deps: IdentityDeps, to: string, address: string) => {
  const id = await queueMail(deps.database.db, {
    to,
    subject: 'Failed sign-in attempts to your Tessera account',
    text:
      `Someone tried to sign in to your Tessera account with a wrong password or code several times ` +
      `(from the address ${address}). Further attempts from there are slowed down for ` +
      `${deps.auth.loginLockoutMinutes} minutes; you can still sign in from your usual devices.\n\n` +
      `If this was not you, consider changing your password and turning on two-factor sign-in.`,
  });
  await deps.sendJob?.(SEND_MAIL_JOB, { id });
};
