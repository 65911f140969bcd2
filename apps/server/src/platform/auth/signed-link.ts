import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed link to one record of one tenant, for people without an account (a customer's quote, a visitor's
 * booking, an agent's calendar feed): `<tenantId><recordId><expires>` packed into 36 bytes, base64url, plus a
 * truncated HMAC-SHA256 of it keyed by the app secret and the link's `purpose` (a quote token never opens a
 * booking). Anything altered fails the signature; a link past `expires` is refused. The token names the
 * tenant, so the record is looked up inside that tenant's transaction only.
 */
export interface RecordLink {
  tenantId: string;
  recordId: string;
  /** Seconds since the epoch. */
  expires: number;
}

/** The latest expiry a link can carry (unsigned 32-bit seconds: 2106). For links that are revoked instead. */
export const NEVER_EXPIRES = 0xffff_ffff;

const pack = (link: RecordLink) => {
  const buf = Buffer.alloc(36);
  Buffer.from(link.tenantId.replaceAll('-', ''), 'hex').copy(buf, 0);
  Buffer.from(link.recordId.replaceAll('-', ''), 'hex').copy(buf, 16);
  buf.writeUInt32BE(Math.max(0, Math.min(NEVER_EXPIRES, Math.floor(link.expires))), 32);
  return buf;
};
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (secret: string, purpose: string, payload: Buffer) =>
  createHmac('sha256', secret).update(`${purpose}:`).update(payload).digest().subarray(0, 16);

/** The token of a link (64 characters, URL-safe). */
export const signRecordLink = (secret: string, purpose: string, link: RecordLink): string => {
  const payload = pack(link);
  return `${payload.toString('base64url')}.${mac(secret, purpose, payload).toString('base64url')}`;
};

/** The link a token names when its signature (for this purpose) holds and it has not expired; else null. */
export const verifyRecordLink = (
  secret: string,
  purpose: string,
  token: string,
  now = Date.now(),
): RecordLink | null => {
  const [p, s, extra] = token.split('.');
  if (!p || !s || extra !== undefined) return null;
  const payload = Buffer.from(p, 'base64url');
  const given = Buffer.from(s, 'base64url');
  if (payload.length !== 36) return null;
  const expected = mac(secret, purpose, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expires = payload.readUInt32BE(32);
  if (expires * 1000 <= now) return null;
  return { tenantId: uuidOf(payload.subarray(0, 16)), recordId: uuidOf(payload.subarray(16, 32)), expires };
};
