import type { SavedView, SavedViewEntity } from '@tessera/contracts';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import { savedViews } from './saved-views.tables.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** Only the person who saved a view sees or changes it (whatever their role): others get a 404. */
const mine = (ctx: AuthedContext): SQL => (ctx.userId ? eq(savedViews.userId, ctx.userId) : sql`false`);

/** What the shared record operations need to know about saved view records. */
export const savedViewDef: RecordDef = {
  name: 'saved_view',
  label: 'Saved view',
  table: savedViews,
  scope: 'leads',
  restrict: mine,
  auditFields: ['entity', 'name', 'query', 'columns'],
};

/** The API shape of a saved view row. */
export const toSavedView = (r: SavedViewRow): SavedView => ({
  ...baseDto(r),
  userId: r.userId,
  entity: r.entity as SavedViewEntity,
  name: r.name,
  query: r.query,
  columns: r.columns,
});

/** Same expression as saved_views_tenant_user_name_key, which serves the list order. */
const nameKey = sql`lower(${savedViews.name})`;

/** The caller's views (of one list, or all), by name. */
export const savedViewListSpec = (ctx: AuthedContext, entity?: SavedViewEntity): ListSpec => ({
  table: savedViews,
  id: savedViews.id,
  tenantId: savedViews.tenantId,
  where: [and(mine(ctx), entity ? eq(savedViews.entity, entity) : undefined)],
  sorts: { name: { expr: nameKey as unknown as AnyColumn, type: 'text' } },
});
