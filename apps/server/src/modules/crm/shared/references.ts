import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  assertVisibleReferences,
  type ReferenceTarget,
  referencesNotFound,
} from '../../../platform/access/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { activeMemberIds } from '../../identity/index.ts';
import { companies, contacts, deals, leads, leadVendors, pipelineStages, pipelines } from '../tables.ts';

type Table = PgTable & { id: PgColumn; tenantId: PgColumn };
/** What each reference field points at, and what the caller needs to see it (view permission + scope). */
const recordRefs: Record<string, ReferenceTarget> = {
  vendorId: { table: leadVendors, view: 'leads.view' },
  companyId: {
    table: companies,
    view: 'companies.view',
    scope: { resource: 'companies', owner: companies.ownerId },
  },
  contactId: {
    table: contacts,
    view: 'contacts.view',
    scope: { resource: 'contacts', owner: contacts.ownerId },
  },
  pipelineId: { table: pipelines, view: 'deals.view' },
  stageId: { table: pipelineStages, view: 'deals.view' },
  leadId: { table: leads, view: 'leads.view', scope: { resource: 'leads', owner: leads.ownerId } },
  dealId: { table: deals, view: 'deals.view', scope: { resource: 'deals', owner: deals.ownerId } },
};
const memberRefs = ['ownerId', 'assigneeId'];

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
    if (memberRefs.includes(field)) {
      if (!(await activeMemberIds(tx, ctx.tenantId, [id])).has(id)) missing.push(field);
      continue;
    }
    const target = recordRefs[field];
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
