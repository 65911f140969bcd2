import type { Deal, dealListQuery } from '@tessera/contracts';
import { arrayContains, eq, getTableColumns, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { deals } from './deals.tables.ts';

export type DealRow = typeof deals.$inferSelect;

/** What the shared record operations need to know about deal records. */
export const dealDef: kit.RecordDef = {
  name: 'deal',
  label: 'Deal',
  table: deals,
  scope: 'deals',
  owner: deals.ownerId,
  auditFields: [
    'title',
    'companyId',
    'contactId',
    'pipelineId',
    'stageId',
    'amountCents',
    'currency',
    'expectedCloseDate',
    'ownerId',
    'status',
    'lostReason',
    'tags',
    'archivedAt',
  ],
};

/** The API shape of a deal row. */
export const toDeal = (ctx: AuthedContext, r: DealRow): Deal =>
  redactFields(ctx.auth, {
    ...kit.baseDto(r),
    title: r.title,
    companyId: r.companyId,
    contactId: r.contactId,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    amountCents: r.amountCents,
    currency: r.currency,
    expectedCloseDate: r.expectedCloseDate,
    ownerId: r.ownerId,
    status: r.status,
    lostReason: r.lostReason,
    closedAt: kit.iso(r.closedAt),
    leadId: r.leadId,
    tags: r.tags,
  }) as Deal;

/** Columns returned by lists (the generated search text stays in the database). */
export const { searchText: _s, ...dealColumns } = getTableColumns(deals);

type DealFilters = Omit<
  z.output<typeof dealListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** Deals without a close date sort after every dated one (same expression as deals_tenant_close_idx). */
const closeDateKey = sql`coalesce(${deals.expectedCloseDate}, '9999-12-31'::date)`;

/**
 * The deals list: sorts backed by (tenant_id, <field>, id) indexes, filters and record scope. Sorting or
 * filtering by amount would reveal amounts, so it needs the money permission like the field itself.
 */
export const dealListSpec = (ctx: AuthedContext, f: DealFilters, sort?: string): kit.ListSpec => {
  const byAmount =
    sort?.replace(/^-/, '') === 'amountCents' || f.amountMin !== undefined || f.amountMax !== undefined;
  if (byAmount && !ctx.auth.permissions.has('fields.money.view'))
    throw new AppError(
      'FORBIDDEN',
      'You need the "fields.money.view" permission to sort or filter by amount',
    );
  return {
    table: deals,
    id: deals.id,
    tenantId: deals.tenantId,
    archivedAt: deals.archivedAt,
    searchText: deals.searchText,
    where: [
      kit.scopeWhere(ctx, dealDef),
      f.pipelineId ? eq(deals.pipelineId, f.pipelineId) : undefined,
      f.stageId ? eq(deals.stageId, f.stageId) : undefined,
      f.status?.length ? inArray(deals.status, f.status) : undefined,
      kit.personFilter(deals.ownerId, f.ownerId, ctx.userId),
      f.companyId ? eq(deals.companyId, f.companyId) : undefined,
      f.tag?.length ? arrayContains(deals.tags, f.tag) : undefined,
      f.amountMin !== undefined ? gte(deals.amountCents, f.amountMin) : undefined,
      f.amountMax !== undefined ? lte(deals.amountCents, f.amountMax) : undefined,
      f.closeFrom ? gte(deals.expectedCloseDate, f.closeFrom) : undefined,
      f.closeTo ? lte(deals.expectedCloseDate, f.closeTo) : undefined,
    ],
    sorts: {
      createdAt: { expr: deals.createdAt, type: 'timestamp' },
      updatedAt: { expr: deals.updatedAt, type: 'timestamp' },
      amountCents: { expr: deals.amountCents, type: 'number' },
      expectedCloseDate: { expr: closeDateKey, type: 'date' },
      title: { expr: deals.title, type: 'text' },
    },
  };
};
