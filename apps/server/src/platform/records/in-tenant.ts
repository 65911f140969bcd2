import type { Permission } from '@tessera/contracts';
import type { AuthedContext, ServiceContext } from '../context/service-context.ts';
import { type Tx, withTenant } from '../db/index.ts';
import { AppError } from '../http/app-error.ts';
import { underKey } from '../http/idempotent-write.ts';

/**
 * The one tenant transaction of a use case, as the caller (request or job: see serviceContext/jobContext). On a
 * route with `idempotency: 'in-transaction'` the request's Idempotency-Key is claimed and answered in it too.
 */
export const inTenant = <T>(
  ctx: Pick<ServiceContext, 'database' | 'tenantId' | 'userId' | 'idempotency'>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> =>
  underKey(ctx.idempotency, (wrap) =>
    withTenant(ctx.database, ctx.tenantId, (tx) => wrap(tx, fn), ctx.userId),
  );

/** For use cases that read a second kind of record: the caller needs that permission too. */
export const requirePermission = (ctx: AuthedContext, permission: Permission) => {
  if (!ctx.auth.permissions.has(permission))
    throw new AppError('FORBIDDEN', `You need the "${permission}" permission for this`);
};

/** Tags as stored: trimmed by the contract, without repeats. */
export const uniqueTags = (tags: readonly string[] | undefined) => (tags ? [...new Set(tags)] : undefined);
