import type {
  Activity,
  activityCreateInput,
  activityListQuery,
  activityUpdateInput,
} from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { emit } from '../../../platform/events/index.ts';
import * as kit from '../../../platform/records/index.ts';
import {
  type ActivityRow,
  activityColumns,
  activityDef,
  activityListSpec,
  toActivity,
} from './activity-record.ts';
import { mentionedIn } from './mentions.ts';

const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));

/** A keyset page of activities the caller may see (filters, sort, q, total on request). */
export const listActivities = (ctx: AuthedContext, query: z.output<typeof activityListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<ActivityRow>(
      t,
      activityListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      activityColumns,
    );
    return { items: rows.map(toActivity), pagination };
  });

/** One activity the caller may see, or 404. */
export const getActivity = (ctx: AuthedContext, id: string): Promise<Activity> =>
  kit.inTenant(ctx, async (t) => toActivity(await kit.findRecord<ActivityRow>(t, ctx, activityDef, id)));

/** Logs an activity on a record the caller can see; it belongs to the caller and happened now unless told. */
export const createActivity = (
  ctx: AuthedContext,
  input: z.output<typeof activityCreateInput>,
): Promise<Activity> =>
  kit.inTenant(ctx, async (t) => {
    const { related, occurredAt, ...fields } = input;
    await kit.assertRelatedVisible(t, ctx, related);
    const row = await kit.insertRecord<ActivityRow>(t, ctx, activityDef, {
      ...fields,
      occurredAt: date(occurredAt),
      ownerId: ctx.userId,
      ...kit.relatedColumns(related),
    });
    await emit(t, ctx, 'activity.created', {
      activityId: row.id,
      type: row.type,
      mentionedUserIds: await mentionedIn(t, ctx.tenantId, row.body, ctx.userId),
    });
    return toActivity(row);
  });

/** Changes a activity when `version` matches (stale → 409 with the current one); audited. */
export const updateActivity = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof activityUpdateInput>,
): Promise<Activity> =>
  kit.inTenant(ctx, async (t) => {
    const { version, occurredAt, ...patch } = input;
    const { after } = await kit.updateRecord<ActivityRow>(t, ctx, activityDef, {
      id,
      version,
      patch: { ...patch, occurredAt: date(occurredAt) },
      toDto: toActivity,
    });
    return toActivity(after);
  });

/** Archives or restores a activity (optionally version-checked); audited. */
export const archiveActivity = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Activity> =>
  kit.inTenant(ctx, async (t) =>
    toActivity(
      (await kit.setArchived<ActivityRow>(t, ctx, activityDef, { id, archived, version, toDto: toActivity }))
        .after,
    ),
  );

/** Deletes a activity; audited. */
export const deleteActivity = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, activityDef, id));
