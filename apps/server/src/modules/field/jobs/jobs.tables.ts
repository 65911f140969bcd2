import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, contacts, deals } from '../../crm/index.ts';
import { tenants, users } from '../../identity/index.ts';
import { crews } from '../crews/crews.tables.ts';
import { at, ownerColumn, recordColumns } from '../record-columns.ts';

const STATUSES = [
  'scheduled',
  'dispatched',
  'en_route',
  'on_site',
  'completed',
  'on_hold',
  'cancelled',
] as const;

export const jobs = pgTable(
  'jobs',
  {
    ...recordColumns(),
    kind: text('kind', { enum: ['job', 'load'] })
      .notNull()
      .default('job'),
    title: text('title').notNull(),
    type: text('type'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    status: text('status', { enum: STATUSES }).notNull().default('scheduled'),
    statusChangedAt: at('status_changed_at').notNull().defaultNow(),
    description: text('description'),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    customerName: text('customer_name'),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    siteAddress: text('site_address'),
    siteLat: doublePrecision('site_lat'),
    siteLng: doublePrecision('site_lng'),
    scheduledStart: at('scheduled_start'),
    scheduledEnd: at('scheduled_end'),
    estimatedMinutes: integer('estimated_minutes'),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'restrict' }),
    ownerId: ownerColumn(),
    checklist: jsonb('checklist')
      .$type<{ label: string; done: boolean }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    completionNotes: text('completion_notes'),
    signatureName: text('signature_name'),
    completedAt: at('completed_at'),
    pickupAddress: text('pickup_address'),
    pickupFrom: at('pickup_from'),
    pickupTo: at('pickup_to'),
    deliveryAddress: text('delivery_address'),
    deliveryFrom: at('delivery_from'),
    deliveryTo: at('delivery_to'),
    weightKg: doublePrecision('weight_kg'),
    volumeM3: doublePrecision('volume_m3'),
    reference: text('reference'),
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(coalesce(title, '') || ' ' || coalesce(customer_name, '') || ' ' || coalesce(site_address, '') || ' ' || coalesce(reference, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('jobs_tenant_id_key').on(t.tenantId, t.id),
    check(
      'jobs_window_order',
      sql`scheduled_start is null or scheduled_end is null or scheduled_end > scheduled_start`,
    ),
    check('jobs_window_pair', sql`(scheduled_start is null) = (scheduled_end is null)`),
    check(
      'jobs_crewed_status',
      sql`crew_id is not null or status not in ('dispatched', 'en_route', 'on_site')`,
    ),
    check('jobs_pickup_order', sql`pickup_from is null or pickup_to is null or pickup_to >= pickup_from`),
    check(
      'jobs_delivery_order',
      sql`delivery_from is null or delivery_to is null or delivery_to >= delivery_from`,
    ),
    index('jobs_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('jobs_tenant_scheduled_idx').on(t.tenantId, t.scheduledStart, t.id),
    index('jobs_tenant_crew_start_idx').on(t.tenantId, t.crewId, t.scheduledStart),
    index('jobs_tenant_title_idx').on(t.tenantId, t.title, t.id),
    index('jobs_tenant_priority_idx').on(
      t.tenantId,
      sql`(case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`,
      t.id,
    ),
    index('jobs_tenant_company_idx').on(t.tenantId, t.companyId),
    index('jobs_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** One row per status step: from → to, when it happened in the field, when we heard of it, and who. */
export const jobStatusHistory = pgTable(
  'job_status_history',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    occurredAt: at('occurred_at').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [index('job_status_history_job_idx').on(t.tenantId, t.jobId, t.occurredAt)],
);

/** A contractor (a member) works for these customers: they see the jobs of these companies. */
export const contractorCustomers = pgTable(
  'contractor_customers',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contractor_customers_key').on(t.tenantId, t.contractorId, t.companyId),
    index('contractor_customers_company_idx').on(t.tenantId, t.companyId),
  ],
);
