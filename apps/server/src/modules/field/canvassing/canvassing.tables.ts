import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { leads } from '../../crm/index.ts';
import { tenants, users } from '../../identity/index.ts';
import { appointments } from '../../scheduling/index.ts';
import { at, ownerColumn, recordColumns } from '../record-columns.ts';

export const territories = pgTable(
  'territories',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    description: text('description'),
    /** GeoJSON Polygon / MultiPolygon, validated by the contract. */
    geometry: jsonb('geometry').$type<unknown>(),
    postalCodes: text('postal_codes').array().notNull().default(sql`'{}'::text[]`),
    streets: text('streets').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('territories_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('territories_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
    index('territories_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** The agents a territory is assigned to. */
export const territoryAgents = pgTable(
  'territory_agents',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.territoryId, t.userId] }),
    index('territory_agents_tenant_user_idx').on(t.tenantId, t.userId),
  ],
);

export const visits = pgTable(
  'visits',
  {
    ...recordColumns(),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    agentId: ownerColumn(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    visitedAt: at('visited_at').notNull(),
    outcome: text('outcome', {
      enum: ['not_home', 'not_interested', 'callback', 'interested', 'appointment_set', 'sale'],
    }).notNull(),
    notes: text('notes'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    appointmentId: uuid('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    addressKey: text('address_key').generatedAlwaysAs(
      sql`lower(regexp_replace(trim(address), '\\s+', ' ', 'g'))`,
    ),
  },
  (t) => [
    index('visits_tenant_visited_idx').on(t.tenantId, t.visitedAt, t.id),
    index('visits_tenant_agent_visited_idx').on(t.tenantId, t.agentId, t.visitedAt),
    index('visits_tenant_territory_idx').on(t.tenantId, t.territoryId, t.visitedAt),
    index('visits_tenant_address_idx').on(t.tenantId, t.addressKey),
  ],
);
