import type { Permission, ScopedResource, TimelineItem } from '@tessera/contracts';
import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hiddenFields, scopeCondition } from '../access/index.ts';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../http/pagination.ts';
import { findRecord } from './record-ops.ts';
import { relatedTypeOf } from './related.ts';

/**
 * Items linked to a record that show on its timeline (activities, tasks…), registered by the module owning
 * them. `select` returns one SELECT of the columns `kind, id, at, title, detail, actor_id, data` holding the
 * caller-visible items whose link column `key` (`leadId`) equals `id` — or null when its table has no such link.
 */
export interface TimelineSource {
  kind: string;
  select(ctx: AuthedContext, link: { key: string; id: string }): SQL | null;
}

const SOURCES: TimelineSource[] = [];

/**
 * A source of items kept in one table with link columns (activities, tasks): `select` is the SELECT list
 * (`… as kind, … as id, … as at, … as title, … as detail, … as actor_id, … as data`); the caller sees the
 * items only with the `view` permission and within its record scope on `owner`.
 */
export const linkedItemsSource = (source: {
  kind: string;
  table: PgTable & { tenantId: AnyColumn };
  view: Permission;
  scope: ScopedResource;
  owner: AnyColumn;
  select: SQL;
}): TimelineSource => {
  const links = getTableColumns(source.table) as Record<string, AnyColumn>;
  return {
    kind: source.kind,
    select: (ctx, { key, id }) => {
      const link = links[key];
      if (!link) return null;
      const visible = ctx.auth.permissions.has(source.view)
        ? (scopeCondition(ctx.auth, source.scope, source.owner) ?? sql`true`)
        : sql`false`;
      return sql`select ${source.select} from ${source.table}
        where ${source.table.tenantId} = ${ctx.tenantId} and ${link} = ${id} and ${visible}`;
    },
  };
};

export const registerTimelineSource = (source: TimelineSource) => {
  SOURCES.push(source);
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
 * A record's history, newest first: the items of every registered source linked to it and the audit entries
 * about it, merged in one keyset-paginated query (cursor = time + id of the last item).
 */
export const timelineOf = async (
  tx: Tx,
  ctx: AuthedContext,
  { type, id, limit, cursor }: { type: string; id: string; limit: number; cursor?: string },
) => {
  const { def, key } = relatedTypeOf(type);
  await findRecord(tx, ctx, def, id);
  const hidden = hiddenFields(ctx.auth);
  let after = sql`true`;
  if (cursor) {
    const [at, lastId] = decodeCursor(cursor);
    if (typeof at !== 'string' || !TIMESTAMP.test(at) || typeof lastId !== 'string') throw invalidCursor();
    after = sql`(t.at, t.id) < (${at}::timestamptz, ${lastId})`;
  }
  const selects = SOURCES.map((s) => s.select(ctx, { key, id })).filter((s): s is SQL => s !== null);
  selects.push(sql`
      select 'audit' as kind, l.id::text as id, l.created_at as at, l.action as title, null as detail,
             l.actor_user_id as actor_id, coalesce(jsonb_build_object('changes', l.changes), '{}'::jsonb) as data
        from audit_logs l where l.tenant_id = ${ctx.tenantId} and l.target_type = ${def.name} and l.target_id = ${id}`);
  const result = (await tx.execute(sql`
    select t.*, t.at::text as at_key from (${sql.join(selects, sql` union all `)}) t
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
