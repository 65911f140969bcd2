import type { Permission } from '@tessera/contracts';
import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';

/**
 * Own vs everyone's: timesheets and expenses belong to a member. Without one of `wide` (manage or approve) a
 * caller sees only their own rows.
 */
export const ownRowsOnly = (ctx: AuthedContext, wide: readonly Permission[], userColumn: AnyColumn): SQL =>
  wide.some((p) => ctx.auth.permissions.has(p)) ? sql`true` : eq(userColumn, ctx.userId);

/** Writing on another member's sheet needs `manage`; your own needs nothing more than the route's permission. */
export const assertActsFor = (ctx: AuthedContext, userId: string, manage: Permission) => {
  if (userId !== ctx.userId && !ctx.auth.permissions.has(manage))
    throw new AppError('FORBIDDEN', `You need the "${manage}" permission to act on another member's records`);
};

/** The caller's own user id (an API key has none: it must name the member). */
export const selfId = (ctx: AuthedContext): string => {
  if (!ctx.userId)
    throw new AppError('VALIDATION_ERROR', 'Name the member: this caller has no sheet of its own', {
      details: [{ path: 'body.userId', message: 'Required' }],
    });
  return ctx.userId;
};

/** `me` → the caller. */
export const resolveMe = (ctx: AuthedContext, id: string | undefined) => (id === 'me' ? selfId(ctx) : id);

export const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);
export const toMinutes = (h: number | null | undefined) =>
  h === undefined ? undefined : h === null ? null : Math.round(h * 60);
