import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.ts';
import { AppError } from '../http/app-error.ts';

type Table = PgTable & { id: PgColumn; tenantId: PgColumn };
type ActiveIds = (tx: Tx, tenantId: string, ids: readonly string[]) => Promise<ReadonlySet<string>>;

const recordRefs = new Map<string, Table>();
const memberRefs = new Map<string, ActiveIds>();

/** A body field naming a record of `table` (`vendorId` → lead_vendors): registered by the table's module. */
export const registerRecordReference = (field: string, table: Table) => {
  recordRefs.set(field, table);
};

/** A body field naming a person (`ownerId`): registered by the module that knows who is an active member. */
export const registerMemberReference = (field: string, activeIds: ActiveIds) => {
  memberRefs.set(field, activeIds);
};

/**
 * Every id a request refers to must exist in the caller's tenant (people: be active members). Anything else —
 * including another tenant's id — is a 404 naming the field, before anything is written.
 */
export const assertReferences = async (
  tx: Tx,
  tenantId: string,
  refs: Record<string, string | null | undefined>,
) => {
  const missing: string[] = [];
  for (const [field, id] of Object.entries(refs)) {
    if (!id) continue;
    const activeIds = memberRefs.get(field);
    if (activeIds) {
      if (!(await activeIds(tx, tenantId, [id])).has(id)) missing.push(field);
      continue;
    }
    const table = recordRefs.get(field);
    if (!table) throw new Error(`unknown reference ${field}`);
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
    if (!row) missing.push(field);
  }
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `Not found: ${missing.join(', ')}`, {
      details: missing.map((f) => ({ path: `body.${f}`, message: 'Not found' })),
    });
  }
};

/** Which of `ids` exist in the tenant's `table` (for bulk operations). */
export const existingIds = async (tx: Tx, tenantId: string, table: Table, ids: readonly string[]) =>
  new Set(
    (
      await tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.tenantId, tenantId), inArray(table.id, [...ids])))
    ).map((r) => r.id as string),
  );
