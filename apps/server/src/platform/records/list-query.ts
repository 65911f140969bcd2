import type { Pagination } from '@tessera/contracts';
import { type AnyColumn, and, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.ts';
import { AppError } from '../http/app-error.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../http/pagination.ts';

/** One sortable field: its SQL expression (never null) and how its cursor value is typed. */
export interface SortSpec {
  expr: AnyColumn | SQL;
  type: 'timestamp' | 'text' | 'number' | 'date' | 'uuid';
}

export interface ListRequest {
  limit: number;
  cursor?: string;
  sort: string;
  includeTotal?: boolean;
  archived?: 'exclude' | 'include' | 'only';
  q?: string;
}

export interface ListSpec {
  table: PgTable;
  id: AnyColumn;
  tenantId: AnyColumn;
  archivedAt?: AnyColumn;
  searchText?: AnyColumn;
  sorts: Record<string, SortSpec>;
  /** Filters, record scope… (tenant, archive and search conditions are added here). */
  where: (SQL | undefined)[];
}

/** Exact totals up to this many rows; above, the planner's estimate (flagged `totalIsEstimate`). */
export const EXACT_TOTAL_LIMIT = 10_000;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

const cast = (value: string | number | null, type: SortSpec['type']) => {
  if (type === 'timestamp') return sql`${value}::timestamptz`;
  if (type === 'date') return sql`${value}::date`;
  if (type === 'uuid') return sql`${value}::uuid`;
  // Every numeric sort is an integer column: bigint keeps `(sort, id) < (cursor)` an index condition
  // (a numeric cast would make PostgreSQL compare outside the index's operator family).
  if (type === 'number') return sql`${value}::bigint`;
  return sql`${value}::text`;
};

const cursorValue = (value: unknown): string | number => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
};

/**
 * The sort value as the cursor keeps it. Timestamps and dates travel as PostgreSQL's own text: a JS Date
 * would cut microseconds, and rows in the same millisecond would then be skipped (descending) or repeated
 * forever (ascending) at a page boundary.
 */
const sortSelect = (s: SortSpec): SQL =>
  s.type === 'timestamp' || s.type === 'date' ? sql`(${s.expr})::text` : (s.expr as SQL);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP =
  /^(-?infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})?)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d{1,18}$/;
const validCursorValue = (value: string | number | null, type: SortSpec['type']) => {
  // bigint expressions come back from the driver as numeric strings
  if (type === 'number')
    return typeof value === 'number'
      ? Number.isSafeInteger(value)
      : typeof value === 'string' && NUMBER.test(value);
  if (typeof value !== 'string') return false;
  if (type === 'timestamp') return TIMESTAMP.test(value);
  if (type === 'date') return DATE.test(value);
  if (type === 'uuid') return UUID.test(value);
  return true;
};
/** SQLSTATE class 22 (data exception): a well-formed cursor whose value PostgreSQL still refuses (Feb 30). */
const isDataException = (err: unknown): boolean => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && e.code.startsWith('22')) return true;
    e = e.cause as typeof e;
  }
  return false;
};

/** The WHERE of a list: tenant, archive state, search and the caller's filters (shared by page, total, export). */
export const listConditions = (
  spec: ListSpec,
  tenantId: string,
  req: Pick<ListRequest, 'archived' | 'q'>,
): SQL => {
  const conditions: (SQL | undefined)[] = [sql`${spec.tenantId} = ${tenantId}`, ...spec.where];
  if (spec.archivedAt) {
    if ((req.archived ?? 'exclude') === 'exclude') conditions.push(isNull(spec.archivedAt));
    if (req.archived === 'only') conditions.push(isNotNull(spec.archivedAt));
  }
  if (req.q && spec.searchText)
    conditions.push(sql`${spec.searchText} like ${`%${escapeLike(req.q.toLowerCase())}%`}`);
  return and(...conditions) as SQL;
};

const parseSort = (spec: ListSpec, sort: string) => {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const s = spec.sorts[field];
  if (!s) throw new AppError('VALIDATION_ERROR', `Cannot sort by ${field}`);
  return { field, desc, ...s };
};

/**
 * Keyset pagination: `ORDER BY <sort>, id` in one direction and `(sort, id) < / > (cursor)` — an index range
 * scan whatever the page depth. Returns the page rows (with the sort value as `__sort`) and the pagination.
 */
export const runList = async <Row extends Record<string, unknown>>(
  tx: Tx,
  spec: ListSpec,
  tenantId: string,
  req: ListRequest,
  select: Record<string, AnyColumn | SQL>,
): Promise<{ rows: Row[]; pagination: Pagination }> => {
  const sort = parseSort(spec, req.sort);
  const where = [listConditions(spec, tenantId, req)];
  if (req.cursor) {
    const [value, id] = decodeCursor(req.cursor);
    if (
      typeof id !== 'string' ||
      !UUID.test(id) ||
      value === undefined ||
      !validCursorValue(value, sort.type)
    )
      throw invalidCursor();
    const op = sort.desc ? sql`<` : sql`>`;
    where.push(sql`(${sort.expr}, ${spec.id}) ${op} (${cast(value, sort.type)}, ${id}::uuid)`);
  }
  const dir = sort.desc ? sql`desc` : sql`asc`;
  const query = tx
    .select({ ...select, __sort: sortSelect(sort) })
    .from(spec.table)
    .where(and(...where))
    .orderBy(sql`${sort.expr} ${dir}`, sql`${spec.id} ${dir}`)
    .limit(req.limit + 1);
  const rows = (await (req.cursor
    ? query.catch((err: unknown) => {
        throw isDataException(err) ? invalidCursor() : err;
      })
    : query)) as unknown as (Row & { __sort: unknown; id: string })[];
  const hasMore = rows.length > req.limit;
  const page = hasMore ? rows.slice(0, req.limit) : rows;
  const last = page.at(-1);
  const pagination: Pagination = {
    limit: req.limit,
    hasMore,
    nextCursor: hasMore && last ? encodeCursor([cursorValue(last.__sort), last.id]) : null,
  };
  if (req.includeTotal) Object.assign(pagination, await countRows(tx, spec, tenantId, req, sort.expr));
  return { rows: page, pagination };
};

/** Exact count up to EXACT_TOTAL_LIMIT rows; beyond that the planner's row estimate, flagged as such. */
export const countRows = async (
  tx: Tx,
  spec: ListSpec,
  tenantId: string,
  req: Pick<ListRequest, 'archived' | 'q'>,
  /** The list's sort key: ordering the capped count by it lets PostgreSQL walk the same index as the page. */
  orderBy?: AnyColumn | SQL,
) => {
  const where = listConditions(spec, tenantId, req);
  const base = tx.select({ one: sql`1` }).from(spec.table).where(where);
  const capped = (orderBy ? base.orderBy(orderBy as SQL) : base).limit(EXACT_TOTAL_LIMIT + 1);
  const counted = (await tx.execute(sql`select count(*)::int as n from (${capped}) capped`)) as unknown as {
    rows: { n: number }[];
  };
  const exact = counted.rows[0]?.n ?? 0;
  if (exact <= EXACT_TOTAL_LIMIT) return { total: exact };
  const plan = (await tx.execute(
    sql`explain (format json) ${tx.select({ one: sql`1` }).from(spec.table).where(where)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  const json = Object.values(plan.rows[0] ?? {})[0];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: { 'Plan Rows': number } }[];
  return {
    total: Math.max(EXACT_TOTAL_LIMIT + 1, Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0)),
    totalIsEstimate: true,
  };
};

/**
 * A list filter on a person column: a user id, `me` (the caller; nobody for a caller without a user, such as
 * an API key whose creator left) or `none` (unassigned).
 */
export const personFilter = (
  column: AnyColumn,
  value: string | undefined,
  userId: string | null,
): SQL | undefined => {
  if (value === undefined) return undefined;
  if (value === 'none') return isNull(column);
  if (value === 'me') return userId ? sql`${column} = ${userId}` : sql`false`;
  return sql`${column} = ${value}`;
};
