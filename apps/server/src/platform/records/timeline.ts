import type { Permission, ScopedResource, TimelineItem } from '@tessera/contracts';
import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hiddenFields, scopeCondition } from '../access/index.ts';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../http/pagination.ts';
import { findRecord } from './record-ops.ts';
import { relatedTypeOf } from './related.ts';

/** Items linked to records of type `from` whose ids `ids` selects also show on the record's timeline. */
export interface TimelineRollup {
  from: string;
  ids(ctx: AuthedContext, id: string): SQL;
}

/** The record's own link plus the rolled-up ones: `key` is the link column's field, `ids` a subquery. */
export interface TimelineLinks {
  key: string;
  id: string;
  rollups: { key: string; from: string; ids: SQL }[];
}

/**
 * Items linked to a record that show on its timeline (activities, tasks…), registered by the module owning
 * them. `select` returns one SELECT of the columns `kind, id, at, title, detail, actor_id, data, via_type,
 * via_id` holding the caller-visible items linked to the record (its link column `key` equals `id`) or to one
 * of the rolled-up records (then `via_*` name that record) — or null when its table has no such link.
 */
export interface TimelineSource {
  kind: string;
  select(ctx: AuthedContext, links: TimelineLinks): SQL | null;
}

const SOURCES: TimelineSource[] = [];
const ROLLUPS = new Map<string, TimelineRollup[]>();

/** A record type's timeline also shows the items of related records (a company: its contacts' and deals'). */
export const registerTimelineRollup = (type: string, rollup: TimelineRollup) => {
  ROLLUPS.set(type, [...(ROLLUPS.get(type) ?? []), rollup]);
};

/**
 * A source of items kept in one table with link columns (activities, tasks), or joined to one (`from`: task
 * comments through their task): `select` is the SELECT list
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
  /** The FROM clause when the items are rows of another table joined to `table` (comments to their task). */
  from?: SQL;
}): TimelineSource => {
  const links = getTableColumns(source.table) as Record<string, AnyColumn>;
  return {
    kind: source.kind,
    select: (ctx, { key, id, rollups }) => {
      const link = links[key];
      if (!link) return null;
      const visible = ctx.auth.permissions.has(source.view)
        ? (scopeCondition(ctx.auth, source.scope, source.owner) ?? sql`true`)
        : sql`false`;
      const rolled = rollups.flatMap((r) => {
        const column = links[r.key];
        return column ? [{ ...r, column }] : [];
      });
      const matches = [sql`${link} = ${id}`, ...rolled.map((r) => sql`${r.column} in (${r.ids})`)];
      // An item has one link: when it is not the record's own, the non-null rolled-up link names it.
      const viaType = rolled.map((r) => sql` when ${r.column} is not null then ${r.from}`);
      const viaId = rolled.map((r) => sql` when ${r.column} is not null then ${r.column}::text`);
      return sql`select ${source.select},
          case when ${link} = ${id} then null${sql.join(viaType, sql``)} end as via_type,
          case when ${link} = ${id} then null${sql.join(viaId, sql``)} end as via_id
        from ${source.from ?? source.table}
        where ${source.table.tenantId} = ${ctx.tenantId} and (${sql.join(matches, sql` or `)}) and ${visible}`;
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
  via_type: string | null;
  via_id: string | null;
};

/** The rolled-up records the items belong to, named for the caller (one query per record type). */
const viaNames = async (tx: Tx, ctx: AuthedContext, rows: readonly Row[]) => {
  const names = new Map<string, { name: string | null; canOpen: boolean }>();
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.via_type && r.via_id) byType.set(r.via_type, (byType.get(r.via_type) ?? new Set()).add(r.via_id));
  for (const [type, ids] of byType) {
    const { def, view, name } = relatedTypeOf(type);
    const table = def.table;
    const scope = ctx.auth.permissions.has(view)
      ? ((def.owner ? scopeCondition(ctx.auth, def.scope, def.owner) : undefined) ?? sql`true`)
      : sql`false`;
    const found = (await tx.execute(sql`
      select ${table.id}::text as id, ${name ?? sql`null`} as name, (${scope}) as can_open from ${table}
       where ${table.tenantId} = ${ctx.tenantId} and ${table.id} in (${sql.join(
         [...ids].map((i) => sql`${i}::uuid`),
         sql`, `,
       )})`)) as unknown as { rows: { id: string; name: string | null; can_open: boolean }[] };
    for (const f of found.rows) names.set(`${type}:${f.id}`, { name: f.name, canOpen: f.can_open === true });
  }
  return (r: Row): TimelineItem['via'] => {
    if (!r.via_type || !r.via_id) return null;
    const known = names.get(`${r.via_type}:${r.via_id}`);
    return {
      type: r.via_type as NonNullable<TimelineItem['via']>['type'],
      id: r.via_id,
      name: known?.name ?? null,
      canOpen: known?.canOpen ?? false,
    };
  };
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
  const rollups = (ROLLUPS.get(type) ?? []).map((r) => ({
    key: relatedTypeOf(r.from).key,
    from: r.from,
    ids: r.ids(ctx, id),
  }));
  const selects = SOURCES.map((s) => s.select(ctx, { key, id, rollups })).filter((s): s is SQL => s !== null);
  selects.push(sql`
      select 'audit' as kind, l.id::text as id, l.created_at as at, l.action as title, null as detail,
             l.actor_user_id as actor_id, coalesce(jsonb_build_object('changes', l.changes), '{}'::jsonb) as data,
             null as via_type, null as via_id
        from audit_logs l where l.tenant_id = ${ctx.tenantId} and l.target_type = ${def.name} and l.target_id = ${id}`);
  const result = (await tx.execute(sql`
    select t.*, t.at::text as at_key from (${sql.join(selects, sql` union all `)}) t
    where ${after}
    order by t.at desc, t.id desc
    limit ${limit + 1}`)) as unknown as { rows: Row[] };
  const rows = result.rows;
  const hasMore = rows.length > limit;
  const viaOf = await viaNames(tx, ctx, rows.slice(0, limit));
  const items: TimelineItem[] = rows.slice(0, limit).map((r) => ({
    kind: r.kind,
    id: r.id,
    at: new Date(r.at).toISOString(),
    title: r.title,
    detail: r.detail,
    actorId: r.actor_id,
    data: r.kind === 'audit' ? withoutHidden(r.data ?? {}, hidden) : (r.data ?? {}),
    via: viaOf(r),
  }));
  // The cursor keeps PostgreSQL's microseconds (an ISO string from a JS Date would skip same-millisecond rows).
  const last = rows[items.length - 1];
  return {
    items,
    pagination: { limit, hasMore, nextCursor: hasMore && last ? encodeCursor([last.at_key, last.id]) : null },
  };
};
