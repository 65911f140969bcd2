import { and, eq, isNull, sql } from 'drizzle-orm';
import { hmac, randomToken, sha256, signAccessToken } from '../../../platform/auth/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AuthSettings, IdentityDeps } from '../identity-deps.ts';
import { refreshTokens, sessions } from '../tables.ts';

export interface IssuedTokens {
  sessionId: string;
  tenantId: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
  csrfToken: string;
  expiresIn: number;
  refreshTtlSeconds: number;
}

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refreshTtlMs = (a: AuthSettings) => a.refreshTtlDays * 24 * 3600 * 1000;

/** The CSRF token of a browser session: derived from its id, so only this server can mint it. */
export const csrfTokenFor = (secret: string, sessionId: string) => hmac(secret, `csrf:${sessionId}`);

const mint = async (
  deps: IdentityDeps,
  s: { id: string; userId: string; activeTenantId: string },
  refreshToken: string,
): Promise<IssuedTokens> => ({
  sessionId: s.id,
  tenantId: s.activeTenantId,
  userId: s.userId,
  accessToken: await signAccessToken(
    deps.auth.jwtSecret,
    { userId: s.userId, sessionId: s.id, tenantId: s.activeTenantId },
    deps.auth.accessTtlSeconds,
  ),
  refreshToken,
  csrfToken: csrfTokenFor(deps.auth.jwtSecret, s.id),
  expiresIn: deps.auth.accessTtlSeconds,
  refreshTtlSeconds: deps.auth.refreshTtlDays * 24 * 3600,
});

/** Starts a session (browser or API token) for a user in a tenant and issues its first tokens. */
export const startSession = async (
  deps: IdentityDeps,
  input: { userId: string; tenantId: string; kind: 'browser' | 'token' } & ClientMeta,
): Promise<IssuedTokens> => {
  const { db } = deps.database;
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: input.userId,
        activeTenantId: input.tenantId,
        kind: input.kind,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        expiresAt: new Date(Date.now() + refreshTtlMs(deps.auth)),
      })
      .returning();
    if (!session) throw new Error('session insert returned nothing');
    const secret = randomToken(32);
    await tx
      .insert(refreshTokens)
      .values({ sessionId: session.id, tokenHash: sha256(secret), expiresAt: session.expiresAt });
    return mint(deps, session, `${session.id}.${secret}`);
  });
};

const invalid = (why = 'Your session has ended. Sign in again.') => new AppError('UNAUTHENTICATED', why);

/**
 * Exchanges a refresh token for a new pair (rotation). A token that was already used revokes the whole
 * session (token family): whoever holds the newest token is signed out too.
 */
export const rotateRefreshToken = async (
  deps: IdentityDeps,
  presented: string,
  meta: ClientMeta,
): Promise<IssuedTokens> => {
  const [sessionId, secret] = presented.split('.');
  if (!sessionId || !secret || !UUID.test(sessionId)) throw invalid();
  const { db } = deps.database;
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(and(eq(refreshTokens.tokenHash, sha256(secret)), eq(refreshTokens.sessionId, sessionId)))
      .for('update');
    if (!row) return { error: invalid() };
    const { token, session } = row;
    if (token.usedAt) {
      await tx
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)));
      return {
        error: invalid('This refresh token was already used; the session has been ended for safety.'),
      };
    }
    const idleSince = Date.now() - deps.auth.idleTimeoutMinutes * 60_000;
    if (
      session.revokedAt ||
      session.expiresAt.getTime() < Date.now() ||
      token.expiresAt.getTime() < Date.now() ||
      session.lastSeenAt.getTime() < idleSince
    ) {
      return { error: invalid() };
    }
    await tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, token.id));
    const next = randomToken(32);
    const expiresAt = new Date(Date.now() + refreshTtlMs(deps.auth));
    await tx.insert(refreshTokens).values({ sessionId: session.id, tokenHash: sha256(next), expiresAt });
    const [updated] = await tx
      .update(sessions)
      .set({
        lastSeenAt: new Date(),
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .where(eq(sessions.id, session.id))
      .returning();
    return { tokens: await mint(deps, updated ?? session, `${session.id}.${next}`) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.tokens;
};

/** Moves a session to another tenant of the same user and issues fresh tokens for it. */
export const switchSessionTenant = async (
  deps: IdentityDeps,
  sessionId: string,
  tenantId: string,
): Promise<IssuedTokens> => {
  const { db } = deps.database;
  return db.transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({ activeTenantId: tenantId, lastSeenAt: new Date() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning();
    if (!session) throw invalid();
    // The previous refresh tokens are dropped (not marked used, so a late one is refused without ending the session).
    await tx.delete(refreshTokens).where(eq(refreshTokens.sessionId, sessionId));
    const secret = randomToken(32);
    await tx
      .insert(refreshTokens)
      .values({ sessionId, tokenHash: sha256(secret), expiresAt: session.expiresAt });
    return mint(deps, session, `${session.id}.${secret}`);
  });
};

export const revokeSessions = async (
  deps: IdentityDeps,
  where: { userId: string; sessionId?: string; exceptSessionId?: string },
) => {
  const { db } = deps.database;
  const conditions = [eq(sessions.userId, where.userId), isNull(sessions.revokedAt)];
  if (where.sessionId) conditions.push(eq(sessions.id, where.sessionId));
  if (where.exceptSessionId) conditions.push(sql`${sessions.id} <> ${where.exceptSessionId}`);
  return db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: sessions.id });
};
