import type { Permission } from '@tessera/contracts';
import { type Tx, withTenant } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';

/** The one tenant transaction of a CRM use case, as the caller. */
export const inTenant = <T>(ctx: AuthedContext, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  withTenant(ctx.database, ctx.tenantId, fn, ctx.userId);

/** For use cases that read a second kind of record: the caller needs that permission too. */
export const requirePermission = (ctx: AuthedContext, permission: Permission) => {
  if (!ctx.auth.permissions.has(permission))
    throw new AppError('FORBIDDEN', `You need the "${permission}" permission for this`);
};

/** Tags as stored: trimmed by the contract, without repeats. */
export const uniqueTags = (tags: readonly string[] | undefined) => (tags ? [...new Set(tags)] : undefined);
