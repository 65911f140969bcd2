import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed download link grants: one version of one tenant's document, to one member, until `expires`. */
export interface LinkClaims {
  tenantId: string;
  versionId: string;
  userId: string;
  /** Unix seconds. */
  expires: number;
}

/**
 * Signs and checks download links: HMAC-SHA256 over tenant, document version, member and expiry with a key
 * derived from the server secret (its own purpose label, so no other token can be replayed as a link).
 * Links need no cookie; changing any part breaks the signature, and an expired one is refused.
 */
export const linkSigner = (secret: string) => {
  const key = createHmac('sha256', secret).update('tessera:document-download-links:v1').digest();
  const mac = (c: LinkClaims) =>
    createHmac('sha256', key)
      .update(`${c.tenantId}.${c.versionId}.${c.userId}.${c.expires}`)
      .digest('base64url');
  return {
    sign: (claims: LinkClaims) => mac(claims),
    /** 'ok', or why the link is refused ('invalid' for any tampering, 'expired' once past its time). */
    verify: (claims: LinkClaims, signature: string, nowSeconds: number): 'ok' | 'invalid' | 'expired' => {
      const expected = Buffer.from(mac(claims));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return claims.expires <= nowSeconds ? 'expired' : 'ok';
    },
  };
};
export type LinkSigner = ReturnType<typeof linkSigner>;
