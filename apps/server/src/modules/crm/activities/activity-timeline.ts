import { type AnyColumn, getTableColumns, sql } from 'drizzle-orm';
import { scopeCondition } from '../../../platform/access/index.ts';
import type { TimelineSource } from '../../../platform/records/timeline.ts';
import { activities } from './activities.tables.ts';

const links = getTableColumns(activities) as Record<string, AnyColumn>;

/** Activities on a record's timeline: only for callers who may view activities, within their scope. */
export const activityTimeline: TimelineSource = {
  kind: 'activity',
  select: (ctx, { key, id }) => {
    const link = links[key];
    if (!link) return null;
    const visible = ctx.auth.permissions.has('activities.view')
      ? (scopeCondition(ctx.auth, 'activities', activities.ownerId) ?? sql`true`)
      : sql`false`;
    return sql`
      select 'activity' as kind, activities.id::text as id, activities.occurred_at as at, activities.subject as title,
             activities.body as detail, activities.owner_id as actor_id,
             jsonb_build_object('type', activities.type, 'durationMinutes', activities.duration_minutes) as data
        from activities where activities.tenant_id = ${ctx.tenantId} and ${link} = ${id} and ${visible}`;
  },
};
