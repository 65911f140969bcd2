import type { Permission } from '@tessera/contracts';
import { type AnyColumn, and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findRecord, type RecordDef, scopeWhere, visibleRecordWhere } from './record-ops.ts';
import { searchableOf } from './search.ts';

/**
 * A kind of record that files (the documents module) can be attached to, registered by the module that owns
 * it: `type` is the name in URLs (`lead`, `quote`, `job`), `def` its record definition (table + record scope),
 * `view` the permission needed to see it. Whoever may not see the record may not see its files.
 */
export interface AttachableTypeDef {
  type: string;
  def: RecordDef;
  view: Permission;
}

const ATTACHABLE = new Map<string, AttachableTypeDef>();

export const registerAttachableType = (attachable: AttachableTypeDef) => {
  if (!/^[a-z][a-z_]{0,39}$/.test(attachable.type)) throw new Error(`bad attachable type ${attachable.type}`);
  ATTACHABLE.set(attachable.type, attachable);
};

/** The registered attachable types, in registration order. */
export const attachableTypes = (): AttachableTypeDef[] => [...ATTACHABLE.values()];

const mayView = (ctx: AuthedContext, attachable: AttachableTypeDef) =>
  ctx.auth.permissions.has(attachable.view);

/**
 * The record `type`/`id` exists in the tenant and the caller may see it (the type's view permission and the
 * record's own scope rules, through `findRecord`); otherwise a 404 that does not say which. An unregistered
 * type is a 404 too. With `lock`, the record row is locked for the rest of the transaction.
 */
export const assertAttachableVisible = async (
  tx: Tx,
  ctx: AuthedContext,
  ref: { type: string; id: string },
  lock = false,
) => {
  const attachable = ATTACHABLE.get(ref.type);
  const missing = () => notFound(attachable?.def.label ?? 'Record');
  if (!attachable || !mayView(ctx, attachable)) throw missing();
  await findRecord(tx, ctx, attachable.def, ref.id, lock).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? missing() : err;
  });
  return attachable;
};

/**
 * The same rule as `assertAttachableVisible`, as one SQL condition on the `type`/`id` columns of an outer query
 * (the documents library): for each registered type whose view permission the caller holds (or only `onlyType`),
 * the record exists in the tenant within the caller's record scope (`visibleRecordWhere`, what `findRecord`
 * runs). No visible type → `false`. Meant for a page read in index order (`LIMIT`): each row costs one indexed
 * probe of its record.
 */
export const attachableVisibleWhere = (
  ctx: AuthedContext,
  columns: { type: AnyColumn; id: AnyColumn },
  onlyType?: string,
): SQL => {
  const visible = attachableTypes().filter((a) => mayView(ctx, a) && (!onlyType || a.type === onlyType));
  if (visible.length === 0) return sql`false`;
  return or(
    ...visible.map(
      (a) =>
        // `offset 0` keeps each EXISTS a per-row primary-key probe: without it PostgreSQL may plan it as a hashed
        // subplan, reading every record of the type once per page (a sequential scan on a big tenant).
        sql`(${columns.type} = ${a.type} and exists (select 1 from ${a.def.table} where ${visibleRecordWhere(ctx, a.def, columns.id)} offset 0))`,
    ),
  ) as SQL;
};

export interface AttachedRecordRef {
  type: string;
  id: string;
  /** The type's label ("Lead"). */
  label: string;
  /** What the global search shows for it (the type's searchable title), when the type is searchable. */
  name: string | null;
  /** The web app's path of the record, when the type is searchable. */
  url: string | null;
}

/**
 * Display names and web paths of records (already known to be visible), one indexed query per type that the
 * global search knows (its `title` and `url`); other types get only their label.
 */
export const attachedRecordRefs = async (
  tx: Tx,
  ctx: AuthedContext,
  refs: readonly { type: string; id: string }[],
): Promise<Map<string, AttachedRecordRef>> => {
  const out = new Map<string, AttachedRecordRef>();
  const byType = new Map<string, string[]>();
  for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  for (const [type, ids] of byType) {
    const attachable = ATTACHABLE.get(type);
    const searchable = searchableOf(type);
    const names = new Map<string, string>();
    if (searchable) {
      const table = searchable.def.table;
      const rows = (await tx
        .select({ id: table.id, title: searchable.title })
        .from(table as PgTable)
        .where(
          and(eq(table.tenantId, ctx.tenantId), inArray(table.id, ids), scopeWhere(ctx, searchable.def)),
        )) as unknown as {
        id: string;
        title: string | null;
      }[];
      for (const row of rows) if (row.title) names.set(row.id, row.title);
    }
    for (const id of ids)
      out.set(`${type}:${id}`, {
        type,
        id,
        label: attachable?.def.label ?? type,
        name: names.get(id) ?? null,
        url: searchable ? searchable.url(id) : null,
      });
  }
  return out;
};
