import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/index.ts';
import { ownerColumn, recordColumns, searchText } from './record-columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });
const tagsColumn = () => text('tags').array().notNull().default(sql`'{}'::text[]`);
const tenantKey = (name: string, t: { tenantId: unknown; id: unknown }) =>
  uniqueIndex(name).on(t.tenantId as never, t.id as never);

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

export const leadVendors = pgTable(
  'lead_vendors',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    costPerLeadCents: money('cost_per_lead_cents'),
    currency: text('currency').notNull().default('USD'),
  },
  (t) => [
    tenantKey('lead_vendors_tenant_id_key', t),
    uniqueIndex('lead_vendors_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

export const pipelines = pgTable(
  'pipelines',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [
    tenantKey('pipelines_tenant_id_key', t),
    uniqueIndex('pipelines_tenant_default_key').on(t.tenantId).where(sql`is_default`),
  ],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    ...recordColumns(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
  },
  (t) => [
    tenantKey('pipeline_stages_tenant_id_key', t),
    foreignKey({
      name: 'pipeline_stages_pipeline_fk',
      columns: [t.tenantId, t.pipelineId],
      foreignColumns: [pipelines.tenantId, pipelines.id],
    }).onDelete('cascade'),
    index('pipeline_stages_pipeline_idx').on(t.tenantId, t.pipelineId, t.position),
    check('pipeline_stages_probability', sql`probability between 0 and 100`),
  ],
);

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
    score: integer('score').notNull().default(0),
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
    index('leads_tenant_score_idx').on(t.tenantId, t.score, t.id),
    index('leads_tenant_value_idx').on(t.tenantId, sql`coalesce(estimated_value_cents, -1)`, t.id),
    index('leads_tenant_status_created_idx').on(t.tenantId, t.status, t.createdAt, t.id),
    index('leads_tenant_owner_created_idx').on(t.tenantId, t.ownerId, t.createdAt, t.id),
    index('leads_tenant_vendor_idx').on(t.tenantId, t.vendorId),
    index('leads_tenant_source_idx').on(t.tenantId, t.source),
    // Duplicate detection.
    index('leads_tenant_email_idx').on(t.tenantId, t.email),
    index('leads_tenant_phone_idx').on(t.tenantId, t.phoneDigits),
    index('leads_tenant_name_key_idx').on(t.tenantId, t.nameKey),
    // Search and tags (btree_gin lets a GIN index start with tenant_id).
    index('leads_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
    index('leads_tags_idx').using('gin', t.tenantId, t.tags),
  ],
);

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

/** Links of an activity or task to exactly one (activity) / at most one (task) CRM record. */
const relatedColumns = () => ({
  leadId: uuid('lead_id'),
  contactId: uuid('contact_id'),
  companyId: uuid('company_id'),
  dealId: uuid('deal_id'),
});
type RelatedCols = Record<'tenantId' | 'leadId' | 'contactId' | 'companyId' | 'dealId', AnyPgColumn>;
const relatedKeys = (prefix: string, t: RelatedCols) => [
  foreignKey({
    name: `${prefix}_lead_fk`,
    columns: [t.tenantId, t.leadId],
    foreignColumns: [leads.tenantId, leads.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_contact_fk`,
    columns: [t.tenantId, t.contactId],
    foreignColumns: [contacts.tenantId, contacts.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_company_fk`,
    columns: [t.tenantId, t.companyId],
    foreignColumns: [companies.tenantId, companies.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_deal_fk`,
    columns: [t.tenantId, t.dealId],
    foreignColumns: [deals.tenantId, deals.id],
  }).onDelete('cascade'),
];

export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    type: text('type', { enum: ['call', 'meeting', 'email', 'note'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    durationMinutes: integer('duration_minutes'),
    ownerId: ownerColumn(),
    ...relatedColumns(),
  },
  (t) => [
    ...relatedKeys('activities', t),
    check('activities_one_related', sql`num_nonnulls(lead_id, contact_id, company_id, deal_id) = 1`),
    index('activities_tenant_lead_idx').on(t.tenantId, t.leadId, t.occurredAt),
    index('activities_tenant_contact_idx').on(t.tenantId, t.contactId, t.occurredAt),
    index('activities_tenant_company_idx').on(t.tenantId, t.companyId, t.occurredAt),
    index('activities_tenant_deal_idx').on(t.tenantId, t.dealId, t.occurredAt),
    index('activities_tenant_occurred_idx').on(t.tenantId, t.occurredAt, t.id),
    index('activities_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('activities_tenant_owner_idx').on(t.tenantId, t.ownerId, t.occurredAt),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    description: text('description'),
    dueAt: at('due_at'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    status: text('status', { enum: ['open', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    completedAt: at('completed_at'),
    ...relatedColumns(),
  },
  (t) => [
    ...relatedKeys('tasks', t),
    check('tasks_at_most_one_related', sql`num_nonnulls(lead_id, contact_id, company_id, deal_id) <= 1`),
    index('tasks_tenant_assignee_due_idx').on(t.tenantId, t.assigneeId, t.status, t.dueAt),
    index('tasks_tenant_due_idx').on(t.tenantId, t.dueAt, t.id),
    index('tasks_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    // List sorts: due date with undated tasks last, and priority rank (low 0 … urgent 3).
    index('tasks_tenant_due_sort_idx').on(t.tenantId, sql`coalesce(due_at, 'infinity'::timestamptz)`, t.id),
    index('tasks_tenant_priority_idx').on(
      t.tenantId,
      sql`(case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`,
      t.id,
    ),
    index('tasks_tenant_lead_idx').on(t.tenantId, t.leadId),
    index('tasks_tenant_contact_idx').on(t.tenantId, t.contactId),
    index('tasks_tenant_company_idx').on(t.tenantId, t.companyId),
    index('tasks_tenant_deal_idx').on(t.tenantId, t.dealId),
  ],
);

/** Background CSV imports: progress and per-row report. The uploaded file lives in import_chunks. */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...recordColumns(),
    entity: text('entity', { enum: ['leads', 'contacts', 'companies'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    dryRun: boolean('dry_run').notNull().default(false),
    duplicates: text('duplicates', { enum: ['skip', 'update', 'create'] })
      .notNull()
      .default('skip'),
    fileName: text('file_name'),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors')
      .$type<{ row: number; field: string | null; message: string }[]>()
      .notNull()
      .default([]),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    failureMessage: text('failure_message'),
  },
  (t) => [
    tenantKey('import_jobs_tenant_id_key', t),
    index('import_jobs_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** The uploaded CSV of an import, in ordered chunks (any instance's worker can stream it). */
export const importChunks = pgTable(
  'import_chunks',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: text('data').notNull(),
  },
  (t) => [
    uniqueIndex('import_chunks_key').on(t.tenantId, t.importId, t.seq),
    foreignKey({
      name: 'import_chunks_import_fk',
      columns: [t.tenantId, t.importId],
      foreignColumns: [importJobs.tenantId, importJobs.id],
    }).onDelete('cascade'),
  ],
);

/** A user's saved list filters (leads grid views). */
export const savedViews = pgTable(
  'saved_views',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    columns: text('columns').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('saved_views_tenant_user_name_key').on(t.tenantId, t.userId, t.entity, sql`lower(${t.name})`),
  ],
);
