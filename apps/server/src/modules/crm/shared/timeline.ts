import type { RelatedType, TimelineItem } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { findRecord, type RecordDef } from './record-ops.ts';

const COLUMN: Record<RelatedType, string> = {
  lead: 'lead_id',
  contact: 'contact_id',
  company: 'company_id',
  deal: 'deal_id',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})?$/;

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
  const result = (await tx.execute(sql`
    select t.*, t.at::text as at_key from (
      select 'activity' as kind, a.id::text as id, a.occurred_at as at, a.subject as title, a.body as detail, a.owner_id as actor_id,
             jsonb_build_object('type', a.type, 'durationMinutes', a.duration_minutes) as data
        from activities a where a.tenant_id = ${ctx.tenantId} and a.${column} = ${id}
      union all
      select 'task', k.id::text, k.created_at, k.title, k.description, k.created_by,
             jsonb_build_object('status', k.status, 'priority', k.priority, 'dueAt', k.due_at, 'assigneeId', k.assignee_id)
        from tasks k where k.tenant_id = ${ctx.tenantId} and k.${column} = ${id}
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
    data: r.data ?? {},
  }));
  // The cursor keeps PostgreSQL's microseconds (an ISO string from a JS Date would skip same-millisecond rows).
  const last = rows[items.length - 1];
  return {
    items,
    pagination: { limit, hasMore, nextCursor: hasMore && last ? encodeCursor([last.at_key, last.id]) : null },
  };
};
