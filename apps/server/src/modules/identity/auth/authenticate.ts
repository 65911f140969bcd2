import { ACCESS_COOKIE, API_KEY_HEADER, API_KEY_PREFIX, CSRF_HEADER } from '@tessera/contracts';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { effectivePermissions, type Principal } from '../../../platform/access/index.ts';
import {
  prepareTokenKey,
  readCookie,
  safeEqual,
  sha256,
  verifyAccessToken,
} from '../../../platform/auth/index.ts';
import { withTenant } from '../../../platform/db/index.ts';
import { parseApiKey } from '../api-keys/api-key-format.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { apiKeys, memberships, roles, sessions, tenants } from '../tables.ts';
import { type CachedPrincipal, PrincipalCache } from './principal-cache.ts';
import { csrfTokenFor } from './session-tokens.ts';

/** last_seen_at is written at most this often per session (keeps reads cheap). */
const TOUCH_AFTER_MS = 60_000;

type Credentials = { kind: 'jwt'; token: string; viaCookie: boolean } | { kind: 'api_key'; key: string };

type Headers = FastifyRequest['headers'];

const credentialsOf = (
  headers: Headers,
  cookie: string | undefined,
  bearer?: string,
): Credentials | undefined => {
  const header = bearer ? `Bearer ${bearer}` : headers.authorization;
  if (typeof header === 'string' && /^bearer /i.test(header)) {
    const token = header.slice(7).trim();
    return token.startsWith(API_KEY_PREFIX)
      ? { kind: 'api_key', key: token }
      : { kind: 'jwt', token, viaCookie: false };
  }
  const apiKey = headers[API_KEY_HEADER];
  if (typeof apiKey === 'string') return { kind: 'api_key', key: apiKey };
  return cookie ? { kind: 'jwt', token: cookie, viaCookie: true } : undefined;
};

type Claims = NonNullable<ReturnType<typeof verifyAccessToken>>;

/** The session ⋈ membership ⋈ role ⋈ tenant read (and the at-most-once-a-minute last_seen_at touch). */
const loadSession = async (deps: IdentityDeps, claims: Claims): Promise<CachedPrincipal | string> => {
  const idleSince = Date.now() - deps.auth.idleTimeoutMinutes * 60_000;
  let touched = false;
  const row = await withTenant(
    deps.database,
    claims.tenantId,
    async (tx) => {
      const [found] = await tx
        .select({
          revokedAt: sessions.revokedAt,
          expiresAt: sessions.expiresAt,
          lastSeenAt: sessions.lastSeenAt,
          membershipId: memberships.id,
          status: memberships.status,
          grants: memberships.grants,
          denials: memberships.denials,
          rolePermissions: roles.permissions,
          scopes: roles.scopes,
          tenantStatus: tenants.status,
        })
        .from(sessions)
        .innerJoin(
          memberships,
          and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, claims.tenantId)),
        )
        .innerJoin(roles, eq(roles.id, memberships.roleId))
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(
          and(
            eq(sessions.id, claims.sessionId),
            eq(sessions.userId, claims.userId),
            eq(sessions.activeTenantId, claims.tenantId),
          ),
        );
      if (found && !found.revokedAt && found.lastSeenAt.getTime() < Date.now() - TOUCH_AFTER_MS) {
        await tx
          .update(sessions)
          .set({ lastSeenAt: new Date() })
          .where(
            and(
              eq(sessions.id, claims.sessionId),
              lt(sessions.lastSeenAt, new Date(Date.now() - TOUCH_AFTER_MS)),
            ),
          );
        touched = true;
      }
      return found;
    },
    claims.userId,
  );
  if (!row || row.revokedAt || row.expiresAt.getTime() < Date.now())
    return 'Your session has ended. Sign in again.';
  if (row.lastSeenAt.getTime() < idleSince) return 'Your session expired after inactivity. Sign in again.';
  if (row.status !== 'active' || row.tenantStatus !== 'active')
    return 'Your access to this company has been disabled.';
  return {
    kind: 'session',
    tenantId: claims.tenantId,
    userId: claims.userId,
    membershipId: row.membershipId,
    sessionId: claims.sessionId,
    permissions: effectivePermissions(row.rolePermissions, row.grants, row.denials),
    scopes: row.scopes as Principal['scopes'],
    endsAt: row.expiresAt.getTime(),
    seenAt: touched ? Date.now() : row.lastSeenAt.getTime(),
  };
};

/**
 * A cached principal is used only while it still proves what the database would: same user and tenant,
 * its session/key not ended, and last seen recently enough that no `last_seen_at`/`last_used_at` write is
 * due (that write happens on the database path, at most once a minute).
 */
const usable = (p: CachedPrincipal | undefined, tenantId: string, userId?: string) =>
  p &&
  p.tenantId === tenantId &&
  (userId === undefined || p.userId === userId) &&
  (p.endsAt === null || p.endsAt > Date.now()) &&
  p.seenAt >= Date.now() - TOUCH_AFTER_MS
    ? p
    : undefined;

/** Cache first, else the database (filling the cache unless a revocation arrived meanwhile). */
const resolve = async (
  cache: PrincipalCache,
  key: string,
  check: (p: CachedPrincipal | undefined) => CachedPrincipal | undefined,
  load: () => Promise<CachedPrincipal | string>,
): Promise<CachedPrincipal | string> => {
  const hit = check(await cache.get(key));
  if (hit) return hit;
  const markedAt = cache.mark();
  const loaded = await load();
  if (typeof loaded !== 'string') cache.fill(key, loaded, markedAt);
  return loaded;
};

/** Access token → live session check (revocation, idle timeout, membership status) on every request. */
const fromAccessToken = async (
  deps: IdentityDeps,
  cache: PrincipalCache,
  headers: Headers,
  token: string,
  viaCookie: boolean,
): Promise<Principal | string> => {
  const claims = verifyAccessToken(deps.auth.jwtSecret, token);
  if (!claims) return 'Invalid or expired access token';
  const found = await resolve(
    cache,
    `s:${claims.sessionId}`,
    (p) => usable(p, claims.tenantId, claims.userId),
    () => loadSession(deps, claims),
  );
  if (typeof found === 'string') return found;
  const csrf = headers[CSRF_HEADER];
  return {
    ...found,
    viaCookie,
    csrfValid:
      typeof csrf === 'string' && safeEqual(csrf, csrfTokenFor(deps.auth.jwtSecret, claims.sessionId)),
  };
};

/**
 * API key → tenant from the key itself, then the hashed key must exist, be unrevoked and unexpired, and its
 * creator must still be an active member: a key acts for its creator with at most the creator's current
 * permissions (so demoting, disabling or removing the creator limits or stops their keys at once).
 */
const loadApiKey = async (deps: IdentityDeps, tenantId: string, hash: string) => {
  const found = await withTenant(deps.database, tenantId, async (tx) => {
    const [row] = await tx
      .select({
        key: apiKeys,
        status: memberships.status,
        grants: memberships.grants,
        denials: memberships.denials,
        rolePermissions: roles.permissions,
        scopes: roles.scopes,
      })
      .from(apiKeys)
      .leftJoin(
        memberships,
        and(eq(memberships.tenantId, apiKeys.tenantId), eq(memberships.userId, apiKeys.createdBy)),
      )
      .leftJoin(roles, eq(roles.id, memberships.roleId))
      .where(
        and(
          eq(apiKeys.keyHash, hash),
          isNull(apiKeys.revokedAt),
          sql`(${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now())`,
        ),
      );
    let seenAt = row?.key.lastUsedAt?.getTime() ?? 0;
    if (row && seenAt < Date.now() - TOUCH_AFTER_MS) {
      await tx.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.key.id));
      seenAt = Date.now();
    }
    return row && { ...row, seenAt };
  });
  if (!found) return 'Invalid, expired or revoked API key';
  if (found.status !== 'active' || !found.rolePermissions)
    return 'The member who created this API key no longer has access';
  const creator = effectivePermissions(found.rolePermissions, found.grants ?? [], found.denials ?? []);
  return {
    kind: 'api_key',
    tenantId: found.key.tenantId,
    userId: found.key.createdBy,
    apiKeyId: found.key.id,
    permissions: new Set([...effectivePermissions(found.key.permissions)].filter((p) => creator.has(p))),
    scopes: (found.scopes ?? {}) as Principal['scopes'],
    endsAt: found.key.expiresAt?.getTime() ?? null,
    seenAt: found.seenAt,
  } satisfies CachedPrincipal;
};

const fromApiKey = async (
  deps: IdentityDeps,
  cache: PrincipalCache,
  key: string,
): Promise<Principal | string> => {
  const parsed = parseApiKey(key);
  if (!parsed) return 'Invalid API key';
  const hash = sha256(key);
  const found = await resolve(
    cache,
    `k:${hash}`,
    (p) => usable(p, parsed.tenantId),
    () => loadApiKey(deps, parsed.tenantId, hash),
  );
  return typeof found === 'string' ? found : { ...found, viaCookie: false, csrfValid: false };
};

/** The session cookie beside a header credential: kept for the CSRF rule (a signature check, no query). */
const noteSessionCookie = async (deps: IdentityDeps, req: FastifyRequest) => {
  const cookie = readCookie(req, ACCESS_COOKIE);
  const claims = cookie ? await verifyAccessToken(deps.auth.jwtSecret, cookie) : undefined;
  if (!claims) return;
  const csrf = req.headers[CSRF_HEADER];
  req.sessionCookie = {
    csrfValid:
      typeof csrf === 'string' && safeEqual(csrf, csrfTokenFor(deps.auth.jwtSecret, claims.sessionId)),
  };
};

/**
 * Resolves the caller once per request (cookie session, Bearer access token or API key) into `req.auth`.
 * Invalid credentials leave the request anonymous with `req.authFailure`; route access turns that into 401.
 * Validated principals are reused for `principalCacheMs` unless a revocation arrives (ADR 0007).
 */
/** Resolves credentials (headers, the access cookie's value, or a bearer token from a socket handshake). */
export type Authenticator = (
  headers: Headers,
  cookie: string | undefined,
  bearer?: string,
) => Promise<Principal | string | undefined>;

export interface Authentication {
  authenticate: Authenticator;
  /** Called with every committed revocation (`s:<session>` …; undefined: anything may have changed). */
  onRevocation(fn: (payload: string | undefined) => void): void;
}

export const registerAuthentication = (app: FastifyInstance, deps: IdentityDeps): Authentication => {
  prepareTokenKey(deps.auth.jwtSecret);
  const cache = new PrincipalCache(deps.auth.principalCacheMs);
  app.addHook('onReady', () => cache.start(deps.database, app.log));
  app.addHook('onClose', () => cache.stop());
  app.decorateRequest('auth', undefined);
  const authenticate: Authenticator = async (headers, cookie, bearer) => {
    const credentials = credentialsOf(headers, cookie, bearer);
    if (!credentials) return undefined;
    return credentials.kind === 'api_key'
      ? await fromApiKey(deps, cache, credentials.key)
      : await fromAccessToken(deps, cache, headers, credentials.token, credentials.viaCookie);
  };
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const credentials = credentialsOf(req.headers, readCookie(req, ACCESS_COOKIE));
    if (!credentials) return;
    if (credentials.kind === 'api_key' || !credentials.viaCookie) await noteSessionCookie(deps, req);
    const result = await authenticate(req.headers, readCookie(req, ACCESS_COOKIE));
    if (typeof result === 'string') req.authFailure = result;
    else if (result) req.auth = result;
  });
  return { authenticate, onRevocation: (fn) => cache.watch(fn) };
};
