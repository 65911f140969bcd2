import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as kit from '../../../platform/records/index.ts';
import type { KpiRun } from '../../reporting/index.ts';
import { DOCUMENT_DEFS } from '../documents/document-record.ts';
import { salesDocuments as docs } from '../documents/documents.tables.ts';

/** Where the invoice KPIs' charts drill down to. */
export const INVOICES = '/invoices';

/**
 * Roll-up rows (ADR 0038) of the caller's tenant within their record scope, with the owner/team filters: the
 * rows carry the documents' owner (a payment's: its invoice's), and invoices and credit notes share one scope.
 */
export const inRollupScope = (run: KpiRun, table: { tenantId: AnyPgColumn; ownerId: AnyPgColumn }): SQL =>
  and(
    eq(table.tenantId, run.ctx.tenantId),
    kit.scopeWhere(run.ctx, { ...DOCUMENT_DEFS.invoice, owner: table.ownerId, restrict: undefined }),
    run.ownerFilter(table.ownerId),
  ) as SQL;

/**
 * Documents of one kind in the caller's scope, with the owner/team filters; drafts and voided ones never count.
 * The kind is written literally: the partial index on credit notes applies in generic plans too.
 */
export const liveDocs = (run: KpiRun, kind: 'invoice' | 'credit_note'): SQL =>
  and(
    eq(docs.tenantId, run.ctx.tenantId),
    sql`${docs.kind} = ${sql.raw(`'${kind}'`)}`,
    sql`${docs.status} not in ('draft', 'void')`,
    kit.scopeWhere(run.ctx, { ...DOCUMENT_DEFS[kind], restrict: undefined }),
    run.ownerFilter(docs.ownerId),
  ) as SQL;
