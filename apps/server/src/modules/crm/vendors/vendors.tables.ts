import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../record-columns.ts';
import { money, tenantKey } from '../table-helpers.ts';

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
