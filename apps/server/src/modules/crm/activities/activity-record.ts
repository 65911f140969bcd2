import type { Activity, activityListQuery } from '@tessera/contracts';
import { eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { activities } from './activities.tables.ts';

export type ActivityRow = typeof activities.$inferSelect;

/** Calls, meetings, e-mails and notes; record scope on the person who logged them. */
export const activityDef: kit.RecordDef = {
  name: 'activity',
  label: 'Activity',
  table: activities,
  scope: 'activities',
  owner: activities.ownerId,
  auditFields: [
    'type',
    'subject',
    'body',
    'occurredAt',
    'durationMinutes',
    'ownerId',
    'leadId',
    'contactId',
    'companyId',
    'dealId',
    'archivedAt',
  ],
};

/** The API shape of a activity row. */
export const toActivity = (r: ActivityRow): Activity => {
  const related = kit.relatedOf(r);
  if (!related) throw new Error(`activity ${r.id} has no related record`);
  return {
    ...kit.baseDto(r),
    type: r.type,
    subject: r.subject,
    body: r.body,
    occurredAt: r.occurredAt.toISOString(),
    durationMinutes: r.durationMinutes,
    ownerId: r.ownerId,
    related,
  };
};

/** Columns returned by activity lists. */
export const activityColumns = getTableColumns(activities);

type ActivityFilters = Omit<
  z.output<typeof activityListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** The activities list: newest first by default; filters on type, linked record and owner; record scope. */
export const activityListSpec = (ctx: AuthedContext, f: ActivityFilters): kit.ListSpec => ({
  table: activities,
  id: activities.id,
  tenantId: activities.tenantId,
  archivedAt: activities.archivedAt,
  where: [
    kit.scopeWhere(ctx, activityDef),
    f.type ? eq(activities.type, f.type) : undefined,
    kit.relatedFilter(activities, f.relatedType, f.relatedId),
    kit.personFilter(activities.ownerId, f.ownerId, ctx.userId),
  ],
  sorts: {
    occurredAt: { expr: activities.occurredAt, type: 'timestamp' },
    createdAt: { expr: activities.createdAt, type: 'timestamp' },
  },
});
