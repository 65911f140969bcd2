import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ownerColumn, recordColumns, searchText } from '../record-columns.ts';
import { at, money, tagsColumn, tenantKey } from '../table-helpers.ts';
import { leadVendors } from '../vendors/vendors.tables.ts';

export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    companyName: text('company_name'),
    source: text('source'),
    vendorId: uuid('vendor_id'),
    status: text('status', { enum: ['new', 'in_progress', 'qualified', 'won', 'lost'] })
      .notNull()
      .default('new'),
    statusReason: text('status_reason'),
    ownerId: ownerColumn(),
    score: integer('score'),
    estimatedValueCents: money('estimated_value_cents'),
    currency: text('currency').notNull().default('USD'),
    tags: tagsColumn(),
    convertedAt: at('converted_at'),
    convertedContactId: uuid('converted_contact_id'),
    convertedCompanyId: uuid('converted_company_id'),
    convertedDealId: uuid('converted_deal_id'),
    phoneDigits: text('phone_digits').generatedAlwaysAs(
      sql`nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')`,
    ),
    nameKey: text('name_key').generatedAlwaysAs(sql`lower(trim(first_name) || ' ' || trim(last_name))`),
    searchText: text('search_text').generatedAlwaysAs(
      searchText('first_name', 'last_name', 'company_name', 'email', 'phone'),
    ),
  },
  (t) => [
    tenantKey('leads_tenant_id_key', t),
    foreignKey({
      name: 'leads_vendor_fk',
      columns: [t.tenantId, t.vendorId],
      foreignColumns: [leadVendors.tenantId, leadVendors.id],
    }),
    check('leads_score_range', sql`score between 0 and 100`),
    check('leads_value_positive', sql`estimated_value_cents is null or estimated_value_cents >= 0`),
    check('leads_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
    // Keyset list orders (ascending indexes are scanned backwards for descending sorts).
    index('leads_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('leads_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('leads_tenant_last_name_idx').on(t.tenantId, t.lastName, t.id),
    // CASE, not coalesce(): under RLS PostgreSQL treats COALESCE as leaky, so a keyset cursor on it could not be
    // an index condition (query-plans.test.ts).
    index('leads_tenant_score_idx').on(
      t.tenantId,
      sql`(case when score is null then -1 else score end)`,
      t.id,
    ),
    index('leads_tenant_value_idx').on(
      t.tenantId,
      sql`(case when estimated_value_cents is null then -1 else estimated_value_cents end)`,
      t.id,
    ),
    index('leads_tenant_status_created_idx').on(t.tenantId, t.status, t.createdAt, t.id),
    index('leads_tenant_owner_created_idx').on(t.tenantId, t.ownerId, t.createdAt, t.id),
    // The source and vendor filters read in list order like the status filter; the vendor index also serves
    // the leads_vendor_fk check when a vendor is deleted (ADR 0036).
    index('leads_tenant_vendor_created_idx').on(t.tenantId, t.vendorId, t.createdAt, t.id),
    index('leads_tenant_source_created_idx').on(t.tenantId, t.source, t.createdAt, t.id),
    // Duplicate detection.
    index('leads_tenant_email_idx').on(t.tenantId, t.email),
    // The public booking page's lead match compares lower(email) (addresses stored before the contract lowered
    // them may carry capitals), so it needs the expression; the duplicate finder groups the stored value.
    index('leads_tenant_lower_email_idx').on(t.tenantId, sql`lower(${t.email})`),
    index('leads_tenant_phone_idx').on(t.tenantId, t.phoneDigits),
    index('leads_tenant_name_key_idx').on(t.tenantId, t.nameKey),
    // Search and tags (btree_gin lets a GIN index start with tenant_id).
    index('leads_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
    index('leads_tags_idx').using('gin', t.tenantId, t.tags),
  ],
);
