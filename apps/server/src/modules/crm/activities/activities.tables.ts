import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ownerColumn, recordColumns } from '../record-columns.ts';
import { at } from '../table-helpers.ts';
import { relatedColumns, relatedKeys } from './related-links.ts';

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
    check(
      'activities_one_related',
      sql`num_nonnulls(lead_id, contact_id, company_id, deal_id, project_id) = 1`,
    ),
    index('activities_tenant_lead_idx').on(t.tenantId, t.leadId, t.occurredAt),
    index('activities_tenant_contact_idx').on(t.tenantId, t.contactId, t.occurredAt),
    index('activities_tenant_company_idx').on(t.tenantId, t.companyId, t.occurredAt),
    index('activities_tenant_deal_idx').on(t.tenantId, t.dealId, t.occurredAt),
    index('activities_tenant_project_idx').on(t.tenantId, t.projectId, t.occurredAt),
    index('activities_tenant_occurred_idx').on(t.tenantId, t.occurredAt, t.id),
    index('activities_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('activities_tenant_owner_idx').on(t.tenantId, t.ownerId, t.occurredAt),
  ],
);
