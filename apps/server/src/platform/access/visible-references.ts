import type { Permission, ScopedResource } from '@tessera/contracts';
import { type AnyColumn, and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.ts';
import { AppError } from '../http/app-error.ts';
import type { Principal } from './principal.ts';
import { scopeCondition } from './record-scope.ts';

/** What a body may refer to: a table of the tenant, the permission to see its rows and their record scope. */
export interface ReferenceTarget {
  table: PgTable & { id: PgColumn; tenantId: PgColumn };
  /** The caller needs it to refer to any row of the table. */
  view: Permission;
  /** The record scope (own / team / all) that applies, with the owner column it is checked on. */
  scope?: { resource: ScopedResource; owner: AnyColumn };
}

/**
 * Every record a request body refers to (`companyId`, `contactId` …) must be one the caller may **see**:
 * in the tenant, with the view permission, inside the caller's record scope. Anything else is a 404 naming
 * the fields — the same answer as a missing id, so nothing (not even a name) of a record the caller may not
 * see leaks, and nothing is written.
 */
export const assertVisibleReferences = async (
  tx: Tx,
  principal: Principal,
  refs: readonly { field: string; id: string | null | undefined; target: ReferenceTarget }[],
) => {
  const missing: string[] = [];
  for (const { field, id, target } of refs) {
    if (!id) continue;
    if (!principal.permissions.has(target.view)) {
      missing.push(field);
      continue;
    }
    const { table, scope } = target;
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.tenantId, principal.tenantId),
          eq(table.id, id),
          scope ? scopeCondition(principal, scope.resource, scope.owner) : undefined,
        ),
      );
    if (!row) missing.push(field);
  }
  if (missing.length > 0) throw referencesNotFound(missing);
};

/** The 404 for references the caller may not use, naming the body fields. */
export const referencesNotFound = (fields: readonly string[]) =>
  new AppError('NOT_FOUND', `Not found: ${fields.join(', ')}`, {
    details: fields.map((f) => ({ path: `body.${f}`, message: 'Not found' })),
  });
