import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

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

export interface AccessClaims {
  userId: string;
  sessionId: string;
  tenantId: string;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export const signAccessToken = (secret: string, claims: AccessClaims, ttlSeconds: number): Promise<string> =>
  new SignJWT({ sid: claims.sessionId, tid: claims.tenantId })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key(secret));

/**
 * Verifies signature (HS256 only: `alg: none` or any other algorithm is refused), expiry, issuer and audience.
 * Returns undefined for any invalid token.
 */
export const verifyAccessToken = async (secret: string, token: string): Promise<AccessClaims | undefined> => {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const { sub, sid, tid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof tid !== 'string') return undefined;
    return { userId: sub, sessionId: sid, tenantId: tid };
  } catch (err) {
    if (err instanceof errors.JOSEError) return undefined;
    throw err;
  }
};
