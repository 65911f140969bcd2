import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { withTenant } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { inTenant } from '../../../platform/records/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { sessions } from '../tables.ts';
import { listOwnMemberships } from './auth-view.ts';
import { revokeSessions, switchSessionTenant } from './session-tokens.ts';

const userOf = (ctx: AuthedContext) => {
  if (!ctx.auth.userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has sessions');
  return ctx.auth.userId;
};

/** The caller's active sessions, most recently used first. */
export const listSessions = async (ctx: AuthedContext) => {
  const userId = userOf(ctx);
  const rows = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.lastSeenAt))
      .limit(100),
  );
  return rows.map((s) => ({
    id: s.id,
    tenantId: s.activeTenantId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    kind: s.kind,
    current: s.id === ctx.auth.sessionId,
  }));
};

/** Ends one of the caller's sessions (someone else's is a 404), with an audit row. */
export const endSession = async (deps: IdentityDeps, ctx: AuthedContext, sessionId: string) => {
  const userId = userOf(ctx);
  const revoked = await revokeSessions(deps, { userId, sessionId });
  if (revoked.length === 0) throw notFound('Session');
  await inTenant(ctx, (tx) =>
    writeAudit(tx, ctx, { action: 'auth.session_revoked', targetType: 'session', targetId: sessionId }),
  );
  return { revoked: revoked.length };
};

/** Ends all the caller's other sessions, with one audit row counting them. */
export const endOtherSessions = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const userId = userOf(ctx);
  const revoked = await revokeSessions(deps, { userId, exceptSessionId: ctx.auth.sessionId });
  await inTenant(ctx, (tx) =>
    writeAudit(tx, ctx, {
      action: 'auth.sessions_revoked',
      targetType: 'user',
      targetId: userId,
      changes: { sessions: { from: revoked.length, to: 0 } },
    }),
  );
  return { revoked: revoked.length };
};

/** Signs this session out (refresh tokens revoked) and records it in the tenant's audit log. */
export const logoutSession = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const { sessionId, userId } = ctx.auth;
  if (!sessionId || !userId) return;
  await revokeSessions(deps, { userId, sessionId });
  await inTenant(ctx, (tx) =>
    writeAudit(tx, ctx, { action: 'auth.logout', targetType: 'session', targetId: sessionId }),
  );
};

/**
 * Moves this session to another company the user is an active member of (404 otherwise), audited in that
 * company; returns the new token pair.
 */
export const switchTenant = async (deps: IdentityDeps, ctx: AuthedContext, tenantId: string) => {
  const { sessionId, userId } = ctx.auth;
  if (!sessionId || !userId) throw new AppError('FORBIDDEN', 'Only a signed-in session can switch company');
  const target = (
    await withTenant(deps.database, tenantId, (tx) => listOwnMemberships(tx, userId), userId)
  ).find((m) => m.tenantId === tenantId && m.status === 'active');
  if (!target) throw notFound('Company');
  const tokens = await switchSessionTenant(deps, sessionId, target.tenantId);
  const inTarget = { ...ctx, tenantId: target.tenantId };
  await inTenant(inTarget, (tx) =>
    writeAudit(tx, inTarget, {
      action: 'auth.switch_tenant',
      targetType: 'tenant',
      targetId: target.tenantId,
    }),
  );
  return tokens;
};
