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

/** Accepts the current code and the one before/after (clock drift of ±30 s). */
export const verifyTotp = (secret: string, code: string): boolean =>
  totpFor(secret).validate({ token: code, window: 1 }) !== null;

/** For tests and tools: the code valid now. */
export const currentTotp = (secret: string): string => totpFor(secret).generate();
