import type { Company, companyListQuery } from '@tessera/contracts';
import { arrayContains, eq, getTableColumns, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, type ListSpec, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { companies } from './companies.tables.ts';

export type CompanyRow = typeof companies.$inferSelect;

/** What the shared record operations need to know about company records. */
export const companyDef: RecordDef = {
  name: 'company',
  label: 'Company',
  table: companies,
  scope: 'companies',
  owner: companies.ownerId,
  auditFields: [
    'name',
    'domain',
    'industry',
    'email',
    'phone',
    'website',
    'city',
    'country',
    'ownerId',
    'tags',
    'archivedAt',
  ],
};

/** The API shape of a company row. */
export const toCompany = (_ctx: AuthedContext, r: CompanyRow): Company => ({
  ...baseDto(r),
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  email: r.email,
  phone: r.phone,
  website: r.website,
  city: r.city,
  country: r.country,
  ownerId: r.ownerId,
  tags: r.tags,
});

/** Columns returned by lists (the generated search and name keys stay in the database). */
export const { searchText: _s, nameKey: _n, ...companyColumns } = getTableColumns(companies);

type CompanyFilters = Omit<
  z.output<typeof companyListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** The companies list: sorts backed by (tenant_id, <field>, id) indexes, filters and record scope. */
export const companyListSpec = (ctx: AuthedContext, f: CompanyFilters): ListSpec => ({
  table: companies,
  id: companies.id,
  tenantId: companies.tenantId,
  archivedAt: companies.archivedAt,
  searchText: companies.searchText,
  where: [
    scopeWhere(ctx, companyDef),
    f.ownerId ? eq(companies.ownerId, f.ownerId) : undefined,
    f.tag?.length ? arrayContains(companies.tags, f.tag) : undefined,
    f.createdFrom ? gte(companies.createdAt, new Date(f.createdFrom)) : undefined,
    f.createdTo ? lte(companies.createdAt, new Date(f.createdTo)) : undefined,
  ],
  sorts: {
    name: { expr: companies.name, type: 'text' },
    createdAt: { expr: companies.createdAt, type: 'timestamp' },
    updatedAt: { expr: companies.updatedAt, type: 'timestamp' },
  },
});
