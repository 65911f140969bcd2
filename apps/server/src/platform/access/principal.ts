import type { Permission, RecordScope, ScopedResource } from '@tessera/contracts';

/** Who is calling, resolved once per request by authentication (identity module). */
export interface Principal {
  kind: 'session' | 'api_key';
  tenantId: string;
  /** The acting user; for an API key, the member who created it (or null if they were removed). */
  userId: string | null;
  membershipId?: string;
  sessionId?: string;
  apiKeyId?: string;
  /** Authenticated by the browser cookie (so state-changing requests need the CSRF header). */
  viaCookie: boolean;
  /** CSRF header present and valid for this session. */
  csrfValid: boolean;
  permissions: ReadonlySet<Permission>;
  scopes: Readonly<Partial<Record<ScopedResource, RecordScope>>>;
}

/** Effective permissions = role ∪ grants − denials. */
export const effectivePermissions = (
  role: readonly string[],
  grants: readonly string[] = [],
  denials: readonly string[] = [],
): Set<Permission> => {
  const deny = new Set(denials);
  return new Set([...role, ...grants].filter((p) => !deny.has(p)) as Permission[]);
};

declare module 'fastify' {
  interface FastifyRequest {
    auth?: Principal;
    /**
     * `performance.now()` when the request arrived (its first hook): caches invalidated by notifications wait
     * for a listener round trip sent after this, and steps of one request share it (ADR 0007).
     */
    arrivedAt: number;
    /** Why credentials were rejected (bad/expired token, revoked session…), for the 401 message. */
    authFailure?: string;
    /**
     * A valid session cookie sent along with other credentials (an Authorization or X-API-Key header): the
     * request still counts as a cookie request for CSRF, with `csrfValid` checked against that session.
     */
    sessionCookie?: { csrfValid: boolean };
  }
}
