import type { Lead, LeadListQuery } from '@tessera/contracts';
import {
  type AnyColumn,
  and,
  arrayContains,
  eq,
  getTableColumns,
  gte,
  inArray,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { type ListSpec, personFilter, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { leads } from './leads.tables.ts';

export type LeadRow = typeof leads.$inferSelect;

export const leadDef: RecordDef = {
  name: 'lead',
  label: 'Lead',
  table: leads,
  scope: 'leads',
  owner: leads.ownerId,
  auditFields: [
    'firstName',
    'lastName',
    'email',
    'phone',
    'companyName',
    'source',
    'vendorId',
    'status',
    'statusReason',
    'ownerId',
    'score',
    'estimatedValueCents',
    'currency',
    'tags',
    'archivedAt',
    'convertedAt',
  ],
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toLead = (ctx: AuthedContext, r: LeadRow): Lead =>
  redactFields(ctx.auth, {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    createdBy: r.createdBy,
    version: r.version,
    archivedAt: iso(r.archivedAt),
    firstName: r.firstName,
    lastName: r.lastName,
    fullName: `${r.firstName} ${r.lastName}`,
    email: r.email,
    phone: r.phone,
    companyName: r.companyName,
    source: r.source,
    vendorId: r.vendorId,
    status: r.status,
    statusReason: r.statusReason,
    ownerId: r.ownerId,
    score: r.score,
    estimatedValueCents: r.estimatedValueCents,
    currency: r.currency,
    tags: r.tags,
    convertedAt: iso(r.convertedAt),
    convertedContactId: r.convertedContactId,
    convertedCompanyId: r.convertedCompanyId,
    convertedDealId: r.convertedDealId,
  }) as Lead;

/** Columns returned by lists and exports (generated search/duplicate keys stay in the database). */
export const { searchText: _s, phoneDigits: _p, nameKey: _n, ...leadColumns } = getTableColumns(leads);

type Filters = Omit<
  Awaited<ReturnType<typeof import('@tessera/contracts').leadListQuery.parse>>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** The leads list: sorts (each backed by an index starting with tenant_id), filters and record scope. */
export const leadListSpec = (
  ctx: AuthedContext,
  f: Filters & Partial<Pick<LeadListQuery, never>>,
): ListSpec => {
  const where: (SQL | undefined)[] = [
    scopeWhere(ctx, leadDef),
    f.status?.length ? inArray(leads.status, f.status) : undefined,
    personFilter(leads.ownerId, f.ownerId, ctx.userId),
    f.source ? eq(leads.source, f.source) : undefined,
    f.vendorId ? eq(leads.vendorId, f.vendorId) : undefined,
    f.tag?.length ? arrayContains(leads.tags, f.tag) : undefined,
    f.scoreMin !== undefined ? gte(leads.score, f.scoreMin) : undefined,
    f.scoreMax !== undefined ? lte(leads.score, f.scoreMax) : undefined,
    f.valueMin !== undefined ? gte(leads.estimatedValueCents, f.valueMin) : undefined,
    f.valueMax !== undefined ? lte(leads.estimatedValueCents, f.valueMax) : undefined,
    f.createdFrom ? gte(leads.createdAt, new Date(f.createdFrom)) : undefined,
    f.createdTo ? lte(leads.createdAt, new Date(f.createdTo)) : undefined,
  ];
  return {
    table: leads,
    id: leads.id,
    tenantId: leads.tenantId,
    archivedAt: leads.archivedAt,
    searchText: leads.searchText,
    where: [and(...where)],
    sorts: {
      createdAt: { expr: leads.createdAt, type: 'timestamp' },
      updatedAt: { expr: leads.updatedAt, type: 'timestamp' },
      lastName: { expr: leads.lastName, type: 'text' },
      score: {
        expr: sql`(case when ${leads.score} is null then -1 else ${leads.score} end)` as unknown as AnyColumn,
        type: 'number',
      },
      estimatedValueCents: {
        expr: sql`(case when ${leads.estimatedValueCents} is null then -1 else ${leads.estimatedValueCents} end)` as unknown as AnyColumn,
        type: 'number',
      },
    },
  };
};
