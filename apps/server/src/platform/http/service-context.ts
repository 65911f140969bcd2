import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Principal } from '../access/principal.ts';
import type { AuditActor } from '../audit/audit-writer.ts';
import type { Database } from '../db/database.ts';
import { AppError } from './app-error.ts';

/**
 * What a service receives instead of `req`: the caller, where the request came from (for audit rows), the
 * database, a logger, and `afterCommit` for side effects that must only start once the transaction committed
 * (enqueueing the job that delivers an outbox row).
 */
export interface ServiceContext extends AuditActor {
  database: Database;
  log: Logger;
  auth?: Principal;
  afterCommit(fn: () => Promise<unknown>): void;
}

/** A context whose caller is known (route access is not 'public'). */
export type AuthedContext = ServiceContext & { auth: Principal };

declare module 'fastify' {
  interface FastifyRequest {
    afterCommit?: (() => Promise<unknown>)[];
  }
}

export const serviceContext = (req: FastifyRequest, database: Database): ServiceContext => ({
  database,
  log: req.log as unknown as Logger,
  auth: req.auth,
  tenantId: req.auth?.tenantId ?? '',
  userId: req.auth?.userId ?? null,
  apiKeyId: req.auth?.apiKeyId ?? null,
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
  afterCommit: (fn) => {
    req.afterCommit ??= [];
    req.afterCommit.push(fn);
  },
});

export const authedContext = (req: FastifyRequest, database: Database): AuthedContext => {
  const ctx = serviceContext(req, database);
  if (!ctx.auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return ctx as AuthedContext;
};

/** Runs the request's after-commit callbacks once a successful response is sent; failures are logged, never thrown. */
export const registerAfterCommit = (app: FastifyInstance) => {
  app.addHook('onResponse', async (req, reply) => {
    const callbacks = req.afterCommit;
    // An error response means the service's transaction rolled back: nothing to follow up.
    if (!callbacks || reply.statusCode >= 400) return;
    req.afterCommit = undefined;
    for (const fn of callbacks) {
      await fn().catch((err: unknown) => req.log.error({ err }, 'after-commit side effect failed'));
    }
  });
};
