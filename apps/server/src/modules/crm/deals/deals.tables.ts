import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.tables.ts';
import { contacts } from '../contacts/contacts.tables.ts';
import { leads } from '../leads/leads.tables.ts';
import { pipelineStages, pipelines } from '../pipelines/pipelines.tables.ts';
import { ownerColumn, recordColumns, searchText } from '../record-columns.ts';
import { at, money, tagsColumn, tenantKey } from '../table-helpers.ts';

export const deals = pgTable(
  'deals',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    amountCents: money('amount_cents').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerId: ownerColumn(),
    status: text('status', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    lostReason: text('lost_reason'),
    closedAt: at('closed_at'),
    leadId: uuid('lead_id'),
    tags: tagsColumn(),
    searchText: text('search_text').generatedAlwaysAs(searchText('title')),
  },
  (t) => [
    tenantKey('deals_tenant_id_key', t),
    foreignKey({
      name: 'deals_company_fk',
      columns: [t.tenantId, t.companyId],
      foreignColumns: [companies.tenantId, companies.id],
    }),
    foreignKey({
      name: 'deals_contact_fk',
      columns: [t.tenantId, t.contactId],
      foreignColumns: [contacts.tenantId, contacts.id],
    }),
    foreignKey({
      name: 'deals_pipeline_fk',
      columns: [t.tenantId, t.pipelineId],
      foreignColumns: [pipelines.tenantId, pipelines.id],
    }),
    foreignKey({
      name: 'deals_stage_fk',
      columns: [t.tenantId, t.stageId],
      foreignColumns: [pipelineStages.tenantId, pipelineStages.id],
    }),
    foreignKey({
      name: 'deals_lead_fk',
      columns: [t.tenantId, t.leadId],
      foreignColumns: [leads.tenantId, leads.id],
    }),
    check('deals_amount_positive', sql`amount_cents >= 0`),
    check('deals_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
    index('deals_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('deals_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('deals_tenant_amount_idx').on(t.tenantId, t.amountCents, t.id),
    index('deals_tenant_title_idx').on(t.tenantId, t.title, t.id),
    // Deals without a close date sort last (the list sorts by this same expression).
    index('deals_tenant_close_idx').on(
      t.tenantId,
      sql`coalesce(expected_close_date, '9999-12-31'::date)`,
      t.id,
    ),
    index('deals_tenant_pipeline_stage_idx').on(t.tenantId, t.pipelineId, t.stageId, t.updatedAt),
    index('deals_tenant_status_idx').on(t.tenantId, t.status),
    index('deals_tenant_owner_idx').on(t.tenantId, t.ownerId),
    index('deals_tenant_company_idx').on(t.tenantId, t.companyId),
    // Foreign-key lookups: deleting a lead or contact (one, a bulk of 500, or a whole tenant) checks deals.
    index('deals_tenant_lead_idx').on(t.tenantId, t.leadId),
    index('deals_tenant_contact_idx').on(t.tenantId, t.contactId),
    index('deals_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
  ],
);
