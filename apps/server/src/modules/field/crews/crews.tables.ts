import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from '../../identity/index.ts';
import { recordColumns } from '../record-columns.ts';

export const crews = pgTable(
  'crews',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    vehicle: text('vehicle'),
    workingHours: jsonb('working_hours')
      .$type<{ days: number[]; start: string; end: string }>()
      .notNull()
      .default(sql`'{"days":[1,2,3,4,5],"start":"08:00","end":"17:00"}'::jsonb`),
  },
  (t) => [
    uniqueIndex('crews_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('crews_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
    index('crews_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('crews_tenant_lead_idx').on(t.tenantId, t.leadId),
  ],
);

/** Who is in a crew (its lead is listed in `crews.lead_id`, and may be a member too). */
export const crewMembers = pgTable(
  'crew_members',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    crewId: uuid('crew_id')
      .notNull()
      .references(() => crews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.crewId, t.userId] }),
    index('crew_members_tenant_user_idx').on(t.tenantId, t.userId),
  ],
);
