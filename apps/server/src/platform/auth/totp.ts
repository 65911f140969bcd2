import { Secret, TOTP } from 'otpauth';

const totpFor = (secret: string, label = 'Tessera') =>
  new TOTP({
    issuer: 'Tessera',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secret: string, accountEmail: string): string =>
  totpFor(secret, accountEmail).toString();

export const TOTP_PERIOD_SECONDS = 30;

/**
 * The time step (unix seconds / 30) of the code: the current one or the one before/after (clock drift of
 * ±30 s); null when it matches none. A code is only *accepted* once its step is consumed — atomically, and
 * only if newer than the last one the user used (identity: `checkTotp`), so a seen code cannot be replayed.
 */
export const totpStep = (secret: string, code: string, now = Date.now()): number | null => {
  const delta = totpFor(secret).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
};

/** Whether the code matches now (±1 step). Stateless: a login must use `totpStep` and consume the step. */
export const verifyTotp = (secret: string, code: string): boolean => totpStep(secret, code) !== null;

/** For tests and tools: the code valid now (or at `timestamp`). */
export const currentTotp = (secret: string, timestamp = Date.now()): string =>
  totpFor(secret).generate({ timestamp });
