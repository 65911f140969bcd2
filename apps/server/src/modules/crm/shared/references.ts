import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { activeMemberIds } from '../../identity/index.ts';
import { companies, contacts, deals, leads, leadVendors, pipelineStages, pipelines } from '../tables.ts';

type Table = PgTable & { id: PgColumn; tenantId: PgColumn };
const recordRefs: Record<string, Table> = {
  vendorId: leadVendors,
  companyId: companies,
  contactId: contacts,
  pipelineId: pipelines,
  stageId: pipelineStages,
  leadId: leads,
  dealId: deals,
};
const memberRefs = ['ownerId', 'assigneeId'];

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
    if (memberRefs.includes(field)) {
      if (!(await activeMemberIds(tx, tenantId, [id])).has(id)) missing.push(field);
      continue;
    }
    const table = recordRefs[field];
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
