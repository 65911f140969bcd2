import type { ScopedResource } from '@tessera/contracts';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { scopeCondition } from '../access/index.ts';
import { diffChanges, writeAudit } from '../audit/index.ts';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { AppError, notFound } from '../http/app-error.ts';

/** What the generic record operations need to know about a CRM table. */
export interface RecordDef {
  /** Singular name: audit action prefix and target type ("lead"). */
  name: string;
  /** For messages ("Lead"). */
  label: string;
  table: PgTable & { id: PgColumn; tenantId: PgColumn; version: PgColumn; archivedAt: PgColumn };
  scope: ScopedResource;
  /** Column the record scope (own/team) applies to. */
  owner?: AnyColumn;
  /** Fields compared for the audit diff. */
  auditFields: readonly string[];
  /** A condition every lookup adds besides the record scope (saved views: only the caller's own). */
  restrict?: (ctx: AuthedContext) => SQL;
}

type BaseRow = { id: string; version: number };

export const scopeWhere = (ctx: AuthedContext, def: RecordDef): SQL | undefined =>
  and(def.owner ? scopeCondition(ctx.auth, def.scope, def.owner) : undefined, def.restrict?.(ctx));

/**
 * The record `id` (a value, or a column of an outer query) of the tenant within the caller's record scope: the
 * one rule behind `findRecord`, and behind lists that must show only what `findRecord` would find.
 */
export const visibleRecordWhere = (ctx: AuthedContext, def: RecordDef, id: string | AnyColumn) =>
  and(eq(def.table.tenantId, ctx.tenantId), eq(def.table.id, id), scopeWhere(ctx, def));
const byId = visibleRecordWhere;

/** A record of the tenant within the caller's scope, or 404 (another tenant's id is a 404 too). */
export const findRecord = async <Row extends BaseRow>(
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  id: string,
  lock = false,
): Promise<Row> => {
  const query = tx
    .select()
    .from(def.table as PgTable)
    .where(byId(ctx, def, id));
  const [row] = (await (lock ? query.for('update') : query)) as unknown as Row[];
  if (!row) throw notFound(def.label);
  return row;
};

export const conflict = (label: string, current: unknown) =>
  new AppError('CONFLICT', `This ${label.toLowerCase()} was changed by someone else. Reload and try again.`, {
    details: { current },
  });

const audit = (
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  action: string,
  id: string,
  before: object | null,
  after: object,
) =>
  writeAudit(tx, ctx, {
    action: `${def.name}.${action}`,
    targetType: def.name,
    targetId: id,
    changes: diffChanges(
      before as Record<string, unknown> | null,
      after as Record<string, unknown>,
      def.auditFields as string[],
    ),
  });

/** Inserts a record of the tenant and writes its audit row (`<name>.created`) in the same transaction. */
export const insertRecord = async <Row extends BaseRow>(
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  values: Record<string, unknown>,
): Promise<Row> => {
  const [row] = (await tx
    .insert(def.table)
    .values({ ...values, tenantId: ctx.tenantId, createdBy: ctx.userId } as never)
    .returning()) as unknown as Row[];
  if (!row) throw new Error(`${def.name} insert returned nothing`);
  await audit(tx, ctx, def, 'created', row.id, null, row);
  return row;
};

/** A change to one record: `version` (absent for actions) is checked, `toDto` shapes the 409's current record. */
export interface RecordChange<Row> {
  id: string;
  version: number | undefined;
  patch: Record<string, unknown>;
  toDto: (row: Row) => unknown;
  /** Audit action suffix (`<name>.<action>`), default `updated`. */
  action?: string;
}

/**
 * Updates a record when `version` matches (or is not given, for actions) and bumps it, with a field-diff
 * audit row. A stale version is a 409 carrying the current record, and nothing changes.
 */
export const updateRecord = async <Row extends BaseRow>(
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  { id, version, patch, toDto, action = 'updated' }: RecordChange<Row>,
): Promise<{ before: Row; after: Row }> => {
  const before = await findRecord<Row>(tx, ctx, def, id, true);
  if (version !== undefined && before.version !== version) throw conflict(def.label, toDto(before));
  const [after] = (await tx
    .update(def.table)
    .set({ ...patch, version: sql`${def.table.version} + 1` } as never)
    .where(byId(ctx, def, id))
    .returning()) as unknown as Row[];
  if (!after) throw notFound(def.label);
  await audit(tx, ctx, def, action, id, before, after);
  return { before, after };
};

/** What an archive or restore asks for (`version` optional: an action). */
export interface ArchiveChange {
  archived: boolean;
  version?: number;
}

/** Archives (or restores) a record: `archivedAt` set or cleared, audited as `<name>.archived` / `.restored`. */
export const setArchived = <Row extends BaseRow>(
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef,
  change: Pick<RecordChange<Row>, 'id' | 'version' | 'toDto'> & { archived: boolean },
) =>
  updateRecord<Row>(tx, ctx, def, {
    id: change.id,
    version: change.version,
    patch: { archivedAt: change.archived ? new Date() : null },
    toDto: change.toDto,
    action: change.archived ? 'archived' : 'restored',
  });

/** Deletes a record (still referenced → 409 "archive it instead"), with an audit row. */
export const deleteRecord = async (tx: Tx, ctx: AuthedContext, def: RecordDef, id: string): Promise<void> => {
  const before = await findRecord<BaseRow>(tx, ctx, def, id, true);
  await tx
    .delete(def.table)
    .where(byId(ctx, def, id))
    .catch((err: unknown) => {
      const code =
        (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;
      if (code === '23503')
        throw new AppError(
          'CONFLICT',
          `This ${def.label.toLowerCase()} is still used by other records; archive it instead`,
        );
      throw err;
    });
  await writeAudit(tx, ctx, {
    action: `${def.name}.deleted`,
    targetType: def.name,
    targetId: id,
    changes: diffChanges(before as Record<string, unknown>, {}, def.auditFields as string[]),
  });
};
