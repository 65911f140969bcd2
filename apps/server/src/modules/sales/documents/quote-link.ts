import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The public link of a sent quote: `<tenantId>.<quoteId>.<expires>` plus an HMAC-SHA256 of it, so the
 * customer can view, accept or decline without an account. It expires at the end of the quote's
 * valid-until day (UTC); anything altered fails the signature.
 */
export interface QuoteLink {
  tenantId: string;
  quoteId: string;
  /** Seconds since the epoch. */
  expires: number;
}

/** tenant id (16 bytes) + quote id (16 bytes) + expiry (4 bytes, seconds): 48 characters in base64url. */
const pack = (link: QuoteLink) => {
  const buf = Buffer.alloc(36);
  Buffer.from(link.tenantId.replaceAll('-', ''), 'hex').copy(buf, 0);
  Buffer.from(link.quoteId.replaceAll('-', ''), 'hex').copy(buf, 16);
  buf.writeUInt32BE(link.expires, 32);
  return buf;
};
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (secret: string, payload: Buffer) =>
  createHmac('sha256', secret).update('quote-link:').update(payload).digest().subarray(0, 16);

export const signQuoteLink = (secret: string, link: QuoteLink): string => {
  const payload = pack(link);
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
};

/** The link a token names when its signature holds and it has not expired; else null. */
export const verifyQuoteLink = (secret: string, token: string, now = Date.now()): QuoteLink | null => {
  const [p, s, extra] = token.split('.');
  if (!p || !s || extra !== undefined) return null;
  const payload = Buffer.from(p, 'base64url');
  const given = Buffer.from(s, 'base64url');
  if (payload.length !== 36) return null;
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expires = payload.readUInt32BE(32);
  if (expires * 1000 <= now) return null;
  return { tenantId: uuidOf(payload.subarray(0, 16)), quoteId: uuidOf(payload.subarray(16, 32)), expires };
};

/** End of the valid-until day (UTC), in seconds. */
export const expiryOf = (validUntil: string | null, issueDate: string) => {
  const day = validUntil ?? issueDate;
  return Math.floor(new Date(`${day}T23:59:59Z`).getTime() / 1000);
};
