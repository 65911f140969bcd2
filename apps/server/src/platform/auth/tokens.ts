import {
  createHash,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** Random URL-safe secret with `bytes` of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens are high-entropy, so a fast hash is enough to store them (no salt needed, lookups by hash). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const hmac = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(value).digest('base64url');

export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const ISSUER = 'tessera';
const AUDIENCE = 'tessera-api';
const ALG = 'HS256';
const HEADER = Buffer.from(JSON.stringify({ alg: ALG, typ: 'JWT' })).toString('base64url');
const SEGMENT = /^[A-Za-z0-9_-]+$/;

export interface AccessClaims {
  userId: string;
  sessionId: string;
  tenantId: string;
}

/**
 * The HMAC key, prepared once per secret (the secret is fixed for the life of the process; tests use a
 * few). Importing it on every call was ~1 ms of WebCrypto work per request.
 */
const keys = new Map<string, KeyObject>();
const keyFor = (secret: string): KeyObject => {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
};

const signature = (secret: string, signingInput: string): Buffer =>
  createHmac('sha256', keyFor(secret)).update(signingInput).digest();

const parseSegment = (segment: string): Record<string, unknown> | undefined => {
  if (!SEGMENT.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** Prepares the key for `secret` now (at start-up), so no request pays for it. */
export const prepareTokenKey = (secret: string): void => {
  keyFor(secret);
};

export const signAccessToken = async (
  secret: string,
  claims: AccessClaims,
  ttlSeconds: number,
): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(
    JSON.stringify({
      sid: claims.sessionId,
      tid: claims.tenantId,
      sub: claims.userId,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + ttlSeconds,
    }),
  ).toString('base64url');
  const input = `${HEADER}.${payload}`;
  return `${input}.${signature(secret, input).toString('base64url')}`;
};

const audienceMatches = (aud: unknown) => aud === AUDIENCE || (Array.isArray(aud) && aud.includes(AUDIENCE));

/**
 * Verifies a compact JWS with HMAC-SHA256 from `node:crypto` (constant-time comparison) and the claims:
 * header `alg` must be exactly HS256 (`none`, HS512 or anything else is refused, as is a `crit` header),
 * `exp` required and in the future, `nbf` (if any) not in the future, issuer and audience pinned.
 * Returns undefined for any invalid token.
 */
export const verifyAccessToken = (secret: string, token: string): AccessClaims | undefined => {
  if (token.length > 4096) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, sig] = parts as [string, string, string];
  if (!SEGMENT.test(sig)) return undefined;
  const header = parseSegment(h);
  if (!header || header.alg !== ALG || 'crit' in header) return undefined;
  if (header.typ !== undefined && header.typ !== 'JWT') return undefined;
  const given = Buffer.from(sig, 'base64url');
  const expected = signature(secret, `${h}.${p}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const payload = parseSegment(p);
  if (!payload) return undefined;
  const now = Math.floor(Date.now() / 1000);
  const { sub, sid, tid, iss, aud, exp, nbf, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= now) return undefined;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) return undefined;
  if (iat !== undefined && typeof iat !== 'number') return undefined;
  if (iss !== ISSUER || !audienceMatches(aud)) return undefined;
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof tid !== 'string') return undefined;
  return { userId: sub, sessionId: sid, tenantId: tid };
};
