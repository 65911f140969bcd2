import type { Permission, SearchGroup, SearchQuery, SearchResult } from '@tessera/contracts';
import { type AnyColumn, and, isNull, type SQL, sql } from 'drizzle-orm';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { inTenant } from './in-tenant.ts';
import { type RecordDef, scopeWhere } from './record-ops.ts';

/**
 * How one kind of record is found by the global search (the command palette), registered by the module that
 * owns it: the record definition (table, record scope and restriction), the view permission and feature it
 * needs, the trigram-indexed `search_text` column it matches, what a hit shows and where it leads.
 */
export interface SearchableDef {
  /** The hit's type ("lead"); also the group's key. */
  type: string;
  /** The group's heading ("Leads"). */
  label: string;
  def: RecordDef;
  view: Permission;
  /** The feature flag of the owning module: off for the caller → the group is absent. */
  feature: string;
  /** A lower-cased generated text column with a GIN trigram index (`searchText(...)`). */
  searchText: AnyColumn;
  title: SQL<string>;
  subtitle?: SQL<string | null>;
  /** The web app's path of a record ("/leads/<id>"). */
  url: (id: string) => string;
  /** Most recent first among equally good hits (default: the table's `updated_at`). */
  recency?: AnyColumn;
  /** Groups are listed in this order (then by registration). */
  order?: number;
}

const SEARCHABLES = new Map<string, SearchableDef>();

export const registerSearchable = (searchable: SearchableDef) => {
  if (SEARCHABLES.has(searchable.type)) throw new Error(`searchable ${searchable.type} registered twice`);
  SEARCHABLES.set(searchable.type, searchable);
};

/** The searchable kind `type`, if one is registered. */
export const searchableOf = (type: string): SearchableDef | undefined => SEARCHABLES.get(type);

/** The registered kinds, in group order. */
export const registeredSearchables = () =>
  [...SEARCHABLES.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));

/** The features that are off for the caller (the admin module's flags, passed in: platform knows no module). */
export type FeaturesOff = (tx: Tx, tenantId: string, userId: string | null) => Promise<ReadonlySet<string>>;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

const searchGroup = async (
  tx: Tx,
  ctx: AuthedContext,
  s: SearchableDef,
  query: SearchQuery,
): Promise<SearchGroup> => {
  const needle = query.q.toLowerCase();
  const { table } = s.def;
  const recency = s.recency ?? (table as unknown as { updatedAt: AnyColumn }).updatedAt;
  const rows = (await tx
    .select({ id: table.id, title: s.title, subtitle: s.subtitle ?? sql<null>`null` })
    .from(table)
    .where(
      and(
        sql`${table.tenantId} = ${ctx.tenantId}`,
        isNull(table.archivedAt),
        sql`${s.searchText} like ${`%${escapeLike(needle)}%`}`,
        scopeWhere(ctx, s.def),
      ),
    )
    // Titles starting with the text first, then the most recently changed.
    .orderBy(
      sql`(lower(${s.title}) like ${`${escapeLike(needle)}%`}) desc`,
      sql`${recency} desc`,
      sql`${table.id} desc`,
    )
    .limit(query.limit + 1)) as { id: string; title: string | null; subtitle: string | null }[];
  const hits = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    type: s.type,
    title: r.title?.trim() || '(no name)',
    subtitle: r.subtitle?.trim() || null,
    url: s.url(r.id),
  }));
  return { type: s.type, label: s.label, hits, hasMore: rows.length > query.limit };
};

/**
 * The global search: every registered kind the caller may see (view permission, feature on), each limited to
 * the caller's record scope and to the tenant, active records only. Kinds with no hit are left out; a kind the
 * caller may not see is never queried.
 */
export const searchRecords = (
  ctx: AuthedContext,
  query: SearchQuery,
  featuresOff: FeaturesOff,
): Promise<SearchResult> =>
  inTenant(ctx, async (tx) => {
    const visible = registeredSearchables().filter((s) => ctx.auth.permissions.has(s.view));
    if (visible.length === 0) return { groups: [] };
    const off = await featuresOff(tx, ctx.tenantId, ctx.userId);
    const groups: SearchGroup[] = [];
    for (const s of visible) {
      if (off.has(s.feature)) continue;
      const group = await searchGroup(tx, ctx, s, query);
      if (group.hits.length > 0) groups.push(group);
    }
    return { groups };
  });
