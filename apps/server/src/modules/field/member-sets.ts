import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { referencesNotFound } from '../../platform/access/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { activeMemberIds } from '../identity/index.ts';

/** A set of members hanging off a record (crew members, territory agents): its link table. */
export interface MemberSet {
  table: PgTable;
  tenantId: PgColumn;
  parentId: PgColumn;
  userId: PgColumn;
  /** The link row for one member. */
  row(tenantId: string, parentId: string, userId: string): Record<string, string>;
}

/** Every id must be an active member of the tenant, or the request is a 404 naming the field. */
export const assertActiveMembers = async (
  tx: Tx,
  tenantId: string,
  field: string,
  userIds: readonly (string | null | undefined)[],
) => {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const active = await activeMemberIds(tx, tenantId, ids);
  if (ids.some((id) => !active.has(id))) throw referencesNotFound([field]);
};

/** Replaces a record's member set (delete + insert, in the caller's transaction). */
export const replaceMembers = async (
  tx: Tx,
  set: MemberSet,
  tenantId: string,
  parentId: string,
  userIds: readonly string[],
) => {
  await tx.delete(set.table).where(and(eq(set.tenantId, tenantId), eq(set.parentId, parentId)));
  const unique = [...new Set(userIds)];
  if (unique.length > 0)
    await tx.insert(set.table).values(unique.map((u) => set.row(tenantId, parentId, u)) as never);
};

/** The member ids of each record, by record id. */
export const membersOf = async (
  tx: Tx,
  set: MemberSet,
  tenantId: string,
  parentIds: readonly string[],
): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return out;
  const rows = (await tx
    .select({ parentId: set.parentId, userId: set.userId })
    .from(set.table)
    .where(and(eq(set.tenantId, tenantId), inArray(set.parentId, [...parentIds])))
    .orderBy(set.userId)) as { parentId: string; userId: string }[];
  for (const r of rows) out.get(r.parentId)?.push(r.userId);
  return out;
};
