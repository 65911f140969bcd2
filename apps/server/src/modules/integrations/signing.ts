import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_<base64 of 24–64 random
 * bytes>`; the signature is `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>` where the key is the
 * base64-decoded part after `whsec_`. Several signatures (secret rotation) are separated by spaces.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

export const signPayload = (secret: string, id: string, timestamp: number, body: string): string =>
  `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

/** The three Standard Webhooks headers for one attempt, signed with every given secret. */
export const webhookHeaders = (
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': secrets.map((s) => signPayload(s, id, timestamp, body)).join(' '),
});

/** A random URL token for inbound endpoints and the hash that is stored (lookups by hash only). */
export const newInboundToken = (): string => `tih_${randomBytes(24).toString('base64url')}`;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Inbound HMAC: `sha256=<hex HMAC-SHA256(secret, raw body)>`, compared in constant time. */
export const verifyInboundSignature = (secret: string, body: string, header: string | undefined): boolean => {
  if (!header) return false;
  const given = header.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
};
