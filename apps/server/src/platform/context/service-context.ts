import type { Permission, RecordScope, ScopedResource } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Principal } from '../access/principal.ts';
import type { AuditActor } from '../audit/audit-writer.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { IdempotentWrite } from '../http/idempotent-write.ts';

/**
 * What a service receives instead of `req` — from a route (`serviceContext`) or a job, cron task or event
 * consumer (`jobContext`): the caller, where the call came from (for audit rows), the database, a logger, and
 * `afterCommit` for side effects that must only start once the transaction committed (enqueueing the job that
 * delivers an outbox row). When they run: see `registerAfterCommit` and `jobContext`.
 */
export interface ServiceContext extends AuditActor {
  database: Database;
  log: Logger;
  auth?: Principal;
  afterCommit(fn: () => Promise<unknown>): void;
  /** The request's Idempotency-Key, when its route answers it inside the service's transaction. */
  idempotency?: IdempotentWrite;
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
  idempotency: req.idempotency?.write,
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

/** Who a job acts as: the member (and API key) that started the work, with the permissions it may use. */
export interface JobActor {
  database: Database;
  log: Logger;
  tenantId: string;
  userId: string | null;
  apiKeyId?: string | null;
  requestId?: string | null;
  permissions?: Iterable<Permission>;
  scopes?: Partial<Record<ScopedResource, RecordScope>>;
}

/** A job's context; `runAfterCommit` runs what the services queued, once the job's transactions committed. */
export type JobContext = AuthedContext & { runAfterCommit(): Promise<void> };

/**
 * The one way a background job, cron task or event consumer builds its context, so it calls the same services
 * as routes. Its after-commit callbacks run when the job calls `runAfterCommit()` (after its work returned
 * without throwing); failures are logged, never thrown.
 */
export const jobContext = (actor: JobActor): JobContext => {
  const pending: (() => Promise<unknown>)[] = [];
  return {
    database: actor.database,
    log: actor.log,
    auth: {
      kind: 'session',
      tenantId: actor.tenantId,
      userId: actor.userId,
      viaCookie: false,
      csrfValid: false,
      permissions: new Set(actor.permissions ?? []),
      scopes: actor.scopes ?? {},
    },
    tenantId: actor.tenantId,
    userId: actor.userId,
    apiKeyId: actor.apiKeyId ?? null,
    requestId: actor.requestId ?? null,
    afterCommit: (fn) => {
      pending.push(fn);
    },
    runAfterCommit: async () => {
      for (const fn of pending.splice(0)) {
        await fn().catch((err: unknown) => actor.log.error({ err }, 'after-commit side effect failed'));
      }
    },
  };
};
