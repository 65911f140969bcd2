import { API_KEY_PREFIX } from '@tessera/contracts';
import { randomToken } from '../../../platform/auth/index.ts';

/**
 * `tsk_<tenant id, 32 hex>_<secret, 43 base64url chars>`: the tenant part routes the lookup to the right tenant
 * (RLS), the secret is 256 random bits. Only its SHA-256 is stored; `prefix` (shown in lists) is not secret.
 */
export const newApiKey = (tenantId: string) => {
  const secret = randomToken(32);
  return {
    key: `${API_KEY_PREFIX}${tenantId.replaceAll('-', '')}_${secret}`,
    prefix: `${API_KEY_PREFIX}…${secret.slice(0, 6)}`,
  };
};

export const parseApiKey = (key: string): { tenantId: string } | undefined => {
  const m = /^tsk_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$/.exec(key);
  if (!m?.[1]) return undefined;
  const h = m[1];
  return {
    tenantId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
  };
};
