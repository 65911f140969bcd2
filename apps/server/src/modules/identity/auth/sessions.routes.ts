import { idParams, sessionSchema } from '@tessera/contracts';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import { type AuthedContext, authedContext } from '../../../platform/context/service-context.ts';
import { withTenant } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { sessions } from '../tables.ts';
import { revokeSessions } from './session-tokens.ts';

const tags = ['auth'];

const userOf = (ctx: AuthedContext) => {
  if (!ctx.auth.userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has sessions');
  return ctx.auth.userId;
};

/** Your signed-in devices and API token sessions: list, end one, end all others. */
export const sessionRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Your active sessions', response: replies(z.array(sessionSchema)) },
    },
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const userId = userOf(ctx);
      const rows = await withTenant(
        deps.database,
        ctx.tenantId,
        (tx) =>
          tx
            .select()
            .from(sessions)
            .where(
              and(
                eq(sessions.userId, userId),
                isNull(sessions.revokedAt),
                gt(sessions.expiresAt, new Date()),
              ),
            )
            .orderBy(desc(sessions.lastSeenAt))
            .limit(100),
        userId,
      );
      return ok(
        rows.map((s) => ({
          id: s.id,
          tenantId: s.activeTenantId,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          kind: s.kind,
          current: s.id === ctx.auth.sessionId,
        })),
      );
    },
  );

  r.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'End one of your sessions',
        params: idParams,
        response: replies(z.object({ revoked: z.number().int() })),
      },
    },
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const userId = userOf(ctx);
      const revoked = await revokeSessions(deps, { userId, sessionId: req.params.id });
      if (revoked.length === 0) throw notFound('Session');
      await withTenant(
        deps.database,
        ctx.tenantId,
        (tx) =>
          writeAudit(tx, ctx, {
            action: 'auth.session_revoked',
            targetType: 'session',
            targetId: req.params.id,
          }),
        userId,
      );
      return ok({ revoked: revoked.length });
    },
  );

  r.post(
    '/api/v1/auth/sessions/revoke-all',
    {
      config: { access: 'authenticated', idempotency: false },
      schema: {
        tags,
        summary: 'End all your other sessions',
        response: replies(z.object({ revoked: z.number().int() })),
      },
    },
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const userId = userOf(ctx);
      const revoked = await revokeSessions(deps, { userId, exceptSessionId: ctx.auth.sessionId });
      await withTenant(
        deps.database,
        ctx.tenantId,
        (tx) =>
          writeAudit(tx, ctx, {
            action: 'auth.sessions_revoked',
            targetType: 'user',
            targetId: userId,
            changes: { sessions: { from: revoked.length, to: 0 } },
          }),
        userId,
      );
      return ok({ revoked: revoked.length });
    },
  );
};
