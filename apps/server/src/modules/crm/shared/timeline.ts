import type { Permission, RelatedType, TimelineItem } from '@tessera/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { hiddenFields, scopeCondition } from '../../../platform/access/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { activities, tasks } from '../tables.ts';
import { findRecord, type RecordDef } from './record-ops.ts';

const COLUMN: Record<RelatedType, string> = {
  lead: 'lead_id',
  contact: 'contact_id',
  company: 'company_id',
  deal: 'deal_id',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})?$/;

/** Audit changes of fields the caller may not see (money) are left out of the timeline. */
const withoutHidden = (data: Record<string, unknown>, hidden: ReadonlySet<string>) => {
  const changes = data.changes as Record<string, unknown> | null | undefined;
  if (!changes || hidden.size === 0) return data;
  return { ...data, changes: Object.fromEntries(Object.entries(changes).filter(([k]) => !hidden.has(k))) };
};

type Row = {
  kind: TimelineItem['kind'];
  id: string;
  at: string | Date;
  at_key: string;
  title: string;
  detail: string | null;
  actor_id: string | null;
  data: Record<string, unknown>;
};

/**
 * A record's history, newest first: its activities, its tasks and the audit entries about it, merged in one
 * keyset-paginated query (cursor = time + id of the last item).
 */
export const timelineOf = async (
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  type: RelatedType,
  id: string,
  limit: number,
  cursor?: string,
) => {
  await findRecord(tx, ctx, def, id);
  const hidden = hiddenFields(ctx.auth);
  const column = sql.raw(COLUMN[type]);
  let after = sql`true`;
  if (cursor) {
    const [at, lastId] = decodeCursor(cursor);
    if (typeof at !== 'string' || !TIMESTAMP.test(at) || typeof lastId !== 'string')
      throw new AppError('VALIDATION_ERROR', 'Invalid cursor', {
        details: [{ path: 'querystring.cursor', message: 'Invalid cursor' }],
      });
    after = sql`(t.at, t.id) < (${at}::timestamptz, ${lastId})`;
  }
  // Items the caller may not see stay out: activities and tasks need their own view permission and scope.
  const allowed = (permission: Permission, scope: SQL | undefined) =>
    ctx.auth.permissions.has(permission) ? (scope ?? sql`true`) : sql`false`;
  const activityVisible = allowed(
    'activities.view',
    scopeCondition(ctx.auth, 'activities', activities.ownerId),
  );
  const taskVisible = allowed('tasks.view', scopeCondition(ctx.auth, 'tasks', tasks.assigneeId));
  const result = (await tx.execute(sql`
    select t.*, t.at::text as at_key from (
      select 'activity' as kind, activities.id::text as id, activities.occurred_at as at, activities.subject as title,
             activities.body as detail, activities.owner_id as actor_id,
             jsonb_build_object('type', activities.type, 'durationMinutes', activities.duration_minutes) as data
        from activities where activities.tenant_id = ${ctx.tenantId} and activities.${column} = ${id} and ${activityVisible}
      union all
      select 'task', tasks.id::text, tasks.created_at, tasks.title, tasks.description, tasks.created_by,
             jsonb_build_object('status', tasks.status, 'priority', tasks.priority, 'dueAt', tasks.due_at, 'assigneeId', tasks.assignee_id)
        from tasks where tasks.tenant_id = ${ctx.tenantId} and tasks.${column} = ${id} and ${taskVisible}
      union all
      select 'audit', l.id::text, l.created_at, l.action, null, l.actor_user_id, coalesce(jsonb_build_object('changes', l.changes), '{}'::jsonb)
        from audit_logs l where l.tenant_id = ${ctx.tenantId} and l.target_type = ${def.name} and l.target_id = ${id}
    ) t
    where ${after}
    order by t.at desc, t.id desc
    limit ${limit + 1}`)) as unknown as { rows: Row[] };
  const rows = result.rows;
  const hasMore = rows.length > limit;
  const items: TimelineItem[] = rows.slice(0, limit).map((r) => ({
    kind: r.kind,
    id: r.id,
    at: new Date(r.at).toISOString(),
    title: r.title,
    detail: r.detail,
    actorId: r.actor_id,
    data: r.kind === 'audit' ? withoutHidden(r.data ?? {}, hidden) : (r.data ?? {}),
  }));
  // The cursor keeps PostgreSQL's microseconds (an ISO string from a JS Date would skip same-millisecond rows).
  const last = rows[items.length - 1];
  return {
    items,
    pagination: { limit, hasMore, nextCursor: hasMore && last ? encodeCursor([last.at_key, last.id]) : null },
  };
};
