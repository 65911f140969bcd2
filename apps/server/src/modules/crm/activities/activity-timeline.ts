import { sql } from 'drizzle-orm';
import { linkedItemsSource } from '../../../platform/records/index.ts';
import { activities } from './activities.tables.ts';

/** Activities on a record's timeline: only for callers who may view activities, within their scope. */
export const activityTimeline = linkedItemsSource({
  kind: 'activity',
  table: activities,
  view: 'activities.view',
  scope: 'activities',
  owner: activities.ownerId,
  select: sql`'activity' as kind, activities.id::text as id, activities.occurred_at as at,
    activities.subject as title, activities.body as detail, activities.owner_id as actor_id,
    jsonb_build_object('type', activities.type, 'durationMinutes', activities.duration_minutes) as data`,
});
