import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { assertVisibleReferences, type ReferenceTarget, referencesNotFound } from '../access/index.ts';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';

type Table = PgTable & { id: PgColumn; tenantId: PgColumn };
type ActiveIds = (tx: Tx, tenantId: string, ids: readonly string[]) => Promise<ReadonlySet<string>>;

const recordRefs = new Map<string, ReferenceTarget>();
const memberRefs = new Map<string, ActiveIds>();

/**
 * A body field naming a record (`companyId` → companies), with what the caller needs to see that record (view
 * permission and record scope): registered by the table's module.
 */
export const registerRecordReference = (field: string, target: ReferenceTarget) => {
  recordRefs.set(field, target);
};

/** A body field naming a person (`ownerId`): registered by the module that knows who is an active member. */
export const registerMemberReference = (field: string, activeIds: ActiveIds) => {
  memberRefs.set(field, activeIds);
};

/**
 * Every id a request refers to must be a record the caller may see (tenant, view permission, record scope —
 * `assertVisibleReferences`) or, for people, an active member. Anything else — another tenant's id, another
 * agent's company under scope "own" — is a 404 naming the field, before anything is written.
 */
export const assertReferences = async (
  tx: Tx,
  ctx: AuthedContext,
  refs: Record<string, string | null | undefined>,
) => {
  const missing: string[] = [];
  const records: Parameters<typeof assertVisibleReferences>[2][number][] = [];
  for (const [field, id] of Object.entries(refs)) {
    if (!id) continue;
    const activeIds = memberRefs.get(field);
    if (activeIds) {
      if (!(await activeIds(tx, ctx.tenantId, [id])).has(id)) missing.push(field);
      continue;
    }
    const target = recordRefs.get(field);
    if (!target) throw new Error(`unknown reference ${field}`);
    records.push({ field, id, target });
  }
  if (missing.length > 0) throw referencesNotFound(missing);
  await assertVisibleReferences(tx, ctx.auth, records);
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
