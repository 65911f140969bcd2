import { sql } from 'drizzle-orm';
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ownerColumn, recordColumns, searchText } from '../record-columns.ts';
import { tagsColumn, tenantKey } from '../table-helpers.ts';

export const companies = pgTable(
  'companies',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    city: text('city'),
    country: text('country'),
    ownerId: ownerColumn(),
    tags: tagsColumn(),
    nameKey: text('name_key').generatedAlwaysAs(sql`lower(trim(name))`),
    searchText: text('search_text').generatedAlwaysAs(searchText('name', 'domain', 'email', 'phone', 'city')),
  },
  (t) => [
    tenantKey('companies_tenant_id_key', t),
    index('companies_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('companies_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('companies_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('companies_tenant_owner_idx').on(t.tenantId, t.ownerId),
    index('companies_tenant_name_key_idx').on(t.tenantId, t.nameKey),
    index('companies_tenant_domain_idx').on(t.tenantId, t.domain),
    index('companies_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
  ],
);
