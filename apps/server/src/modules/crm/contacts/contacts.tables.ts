import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.tables.ts';
import { ownerColumn, recordColumns, searchText } from '../record-columns.ts';
import { tagsColumn, tenantKey } from '../table-helpers.ts';

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    companyId: uuid('company_id'),
    ownerId: ownerColumn(),
    tags: tagsColumn(),
    searchText: text('search_text').generatedAlwaysAs(
      searchText('first_name', 'last_name', 'email', 'phone', 'title'),
    ),
  },
  (t) => [
    tenantKey('contacts_tenant_id_key', t),
    foreignKey({
      name: 'contacts_company_fk',
      columns: [t.tenantId, t.companyId],
      foreignColumns: [companies.tenantId, companies.id],
    }),
    index('contacts_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('contacts_tenant_last_name_idx').on(t.tenantId, t.lastName, t.id),
    index('contacts_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('contacts_tenant_company_idx').on(t.tenantId, t.companyId),
    index('contacts_tenant_owner_idx').on(t.tenantId, t.ownerId),
    index('contacts_tenant_email_idx').on(t.tenantId, t.email),
    index('contacts_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
  ],
);
