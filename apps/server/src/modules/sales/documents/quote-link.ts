import { signRecordLink, verifyRecordLink } from '../../../platform/auth/index.ts';

/**
 * The public link of a sent quote: a signed record link (platform/auth/signed-link.ts, purpose `quote-link`),
 * so the customer can view, accept or decline without an account. It expires at the end of the quote's
 * valid-until day (UTC); anything altered fails the signature.
 */
export interface QuoteLink {
  tenantId: string;
  quoteId: string;
  /** Seconds since the epoch. */
  expires: number;
}

const PURPOSE = 'quote-link';

export const signQuoteLink = (secret: string, link: QuoteLink): string =>
  signRecordLink(secret, PURPOSE, { tenantId: link.tenantId, recordId: link.quoteId, expires: link.expires });

/** The link a token names when its signature holds and it has not expired; else null. */
export const verifyQuoteLink = (secret: string, token: string, now = Date.now()): QuoteLink | null => {
  const link = verifyRecordLink(secret, PURPOSE, token, now);
  return link && { tenantId: link.tenantId, quoteId: link.recordId, expires: link.expires };
};

/** End of the valid-until day (UTC), in seconds. */
export const expiryOf = (validUntil: string | null, issueDate: string) => {
  const day = validUntil ?? issueDate;
  return Math.floor(new Date(`${day}T23:59:59Z`).getTime() / 1000);
};
