import type { RecordScope, ScopedResource } from '@tessera/contracts';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { scopeCondition } from '../../../platform/access/index.ts';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';

/** What the generic record operations need to know about a CRM table. */
export interface RecordDef<Row extends { id: string; version: number }> {
  /** Singular name: audit target type, messages ("lead"). */
  name: string;
  table: PgTable & {
    id: PgColumn;
    tenantId: PgColumn;
    version: PgColumn;
    archivedAt: PgColumn;
    updatedAt: PgColumn;
  };
  scope: ScopedResource;
  /** Column the record scope (own/team) applies to. */
  owner?: AnyColumn;
  /** Fields compared for the audit diff. */
  auditFields: readonly (keyof Row & string)[];
  label: string;
  _row?: Row;
}

type RowOf<D> = D extends RecordDef<infer R> ? R : never;

export const scopeWhere = (
  ctx: AuthedContext,
  def: RecordDef<never> | RecordDef<{ id: string; version: number }>,
): SQL | undefined => (def.owner ? scopeCondition(ctx.auth, def.scope, def.owner) : undefined);

const byId = <D extends RecordDef<{ id: string; version: number }>>(ctx: AuthedContext, def: D, id: string) =>
  and(eq(def.table.tenantId, ctx.tenantId), eq(def.table.id, id), scopeWhere(ctx, def));

export const notFoundError = (label: string) => new AppError('NOT_FOUND', `${label} not found`);

/** A record of the tenant within the caller's scope, or 404 (another tenant's id is a 404 too). */
export const findRecord = async <D extends RecordDef<{ id: string; version: number }>>(
  tx: Tx,
  ctx: AuthedContext,
  def: D,
  id: string,
  lock = false,
): Promise<RowOf<D>> => {
  const query = tx
    .select()
    .from(def.table as PgTable)
    .where(byId(ctx, def, id));
  const [row] = (await (lock ? query.for('update') : query)) as RowOf<D>[];
  if (!row) throw notFoundError(def.label);
  return row;
};

export const conflict = (label: string, current: unknown) =>
  new AppError('CONFLICT', `This ${label.toLowerCase()} was changed by someone else. Reload and try again.`, {
    details: { current },
  });

/** Inserts a record of the tenant and writes its audit row (`<name>.created`) in the same transaction. */
export const insertRecord = async <D extends RecordDef<{ id: string; version: number }>>(
  tx: Tx,
  ctx: AuthedContext,
  def: D,
  values: Record<string, unknown>,
): Promise<RowOf<D>> => {
  const [row] = (await tx
    .insert(def.table)
    .values({ ...values, tenantId: ctx.tenantId, createdBy: ctx.userId } as never)
    .returning()) as RowOf<D>[];
  if (!row) throw new Error(`${def.name} insert returned nothing`);
  await writeAudit(tx, ctx, {
    action: `${def.name}.created`,
    targetType: def.name,
    targetId: row.id,
    changes: diffChanges(null, row as Record<string, unknown>, def.auditFields as string[]),
  });
  return row;
};

/**
 * Updates a record if `version` matches (then bumps it), with a field-diff audit row. A stale version is a 409
 * carrying the current record (`toDto`), and nothing changes.
 */
export const updateRecord = async <D extends RecordDef<{ id: string; version: number }>>(
  tx: Tx,
  ctx: AuthedContext,
  def: D,
  id: string,
  version: number | undefined,
  patch: Record<string, unknown>,
  toDto: (row: RowOf<D>) => unknown,
  action = 'updated',
): Promise<{ before: RowOf<D>; after: RowOf<D> }> => {
  const before = await findRecord(tx, ctx, def, id, true);
  if (version !== undefined && before.version !== version) throw conflict(def.label, toDto(before));
  const [after] = (await tx
    .update(def.table)
    .set({ ...patch, version: sql`${def.table.version} + 1` } as never)
    .where(byId(ctx, def, id))
    .returning()) as RowOf<D>[];
  if (!after) throw notFoundError(def.label);
  const changes = diffChanges(
    before as Record<string, unknown>,
    after as Record<string, unknown>,
    def.auditFields as string[],
  );
  await writeAudit(tx, ctx, { action: `${def.name}.${action}`, targetType: def.name, targetId: id, changes });
  return { before, after };
};

export const setArchived = (
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef<{ id: string; version: number }>,
  id: string,
  archived: boolean,
  version: number | undefined,
  toDto: (row: never) => unknown,
) =>
  updateRecord(
    tx,
    ctx,
    def,
    id,
    version,
    { archivedAt: archived ? new Date() : null },
    toDto as never,
    archived ? 'archived' : 'restored',
  );

/** Deletes a record (foreign-key violations → 409 "still referenced"), with an audit row. */
export const deleteRecord = async (
  tx: Tx,
  ctx: AuthedContext,
  def: RecordDef<{ id: string; version: number }>,
  id: string,
): Promise<void> => {
  const before = await findRecord(tx, ctx, def, id, true);
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

export type { RecordScope };
