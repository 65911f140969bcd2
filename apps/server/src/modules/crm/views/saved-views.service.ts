import {
  type SavedView,
  type SavedViewEntity,
  type savedViewCreateInput,
  savedViewIssues,
  type savedViewListQuery,
  type savedViewUpdateInput,
} from '@tessera/contracts';
import { getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { type SavedViewRow, savedViewDef, savedViewListSpec, toSavedView } from './saved-view-record.ts';
import { savedViews } from './saved-views.tables.ts';

const duplicateName = (err: unknown): never => {
  if (isUniqueViolation(err, 'saved_views_tenant_user_name_key'))
    throw new AppError('CONFLICT', 'You already have a view of this list with this name', {
      details: [{ path: 'body.name', message: 'Already used' }],
    });
  throw err;
};

const checkView = (
  entity: SavedViewEntity,
  view: { query?: Record<string, unknown>; columns?: string[] },
) => {
  const issues = savedViewIssues(entity, view);
  if (issues.length > 0)
    throw new AppError('VALIDATION_ERROR', issues[0]?.message ?? 'Invalid view', {
      details: issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    });
};

/** A keyset page of savedviews the caller may see (filters, sort, q, total on request). */
export const listSavedViews = (ctx: AuthedContext, query: z.output<typeof savedViewListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { rows, pagination } = await kit.runList<SavedViewRow>(
      t,
      savedViewListSpec(ctx, query.entity),
      ctx.tenantId,
      { limit: query.limit, cursor: query.cursor, sort: 'name' },
      getTableColumns(savedViews),
    );
    return { items: rows.map(toSavedView), pagination };
  });

/** One saved view the caller may see, or 404. */
export const getSavedView = (ctx: AuthedContext, id: string): Promise<SavedView> =>
  kit.inTenant(ctx, async (t) => toSavedView(await kit.findRecord<SavedViewRow>(t, ctx, savedViewDef, id)));

/** Saves the caller's filters, sort and columns of a list under a name (unique per person and list). */
export const createSavedView = (ctx: AuthedContext, input: z.output<typeof savedViewCreateInput>) =>
  kit.inTenant(ctx, async (t) => {
    if (!ctx.userId) throw new AppError('FORBIDDEN', 'Saved views belong to a person; sign in as one');
    checkView(input.entity, input);
    const row = await kit
      .insertRecord<SavedViewRow>(t, ctx, savedViewDef, {
        ...input,
        userId: ctx.userId,
      })
      .catch(duplicateName);
    return toSavedView(row);
  });

/** Changes a saved view when `version` matches (stale → 409 with the current one); audited. */
export const updateSavedView = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof savedViewUpdateInput>,
) =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    const current = await kit.findRecord<SavedViewRow>(t, ctx, savedViewDef, id);
    checkView(current.entity as SavedViewEntity, patch);
    const { after } = await kit
      .updateRecord<SavedViewRow>(t, ctx, savedViewDef, {
        id,
        version,
        patch,
        toDto: toSavedView,
      })
      .catch(duplicateName);
    return toSavedView(after);
  });

/** Deletes a saved view; audited. */
export const deleteSavedView = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, savedViewDef, id));
