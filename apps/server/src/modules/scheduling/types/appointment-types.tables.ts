import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, tenantKey } from '../record-columns.ts';

/** A kind of appointment a tenant offers (duration, buffers, notice, horizon, place, who may take it). */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    slotStepMinutes: integer('slot_step_minutes').notNull().default(30),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(0),
    maxDaysAhead: integer('max_days_ahead').notNull().default(60),
    locationKind: text('location_kind', { enum: ['on_site', 'office', 'phone', 'video'] })
      .notNull()
      .default('office'),
    agentIds: uuid('agent_ids').array().notNull().default(sql`'{}'::uuid[]`),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    colour: text('colour').notNull().default('#2563eb'),
    publicBooking: boolean('public_booking').notNull().default(false),
  },
  (t) => [
    tenantKey('appointment_types_tenant_id_key', t),
    uniqueIndex('appointment_types_tenant_slug_key').on(t.tenantId, t.slug),
    index('appointment_types_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('appointment_types_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('appointment_types_duration', sql`duration_minutes between 5 and 720`),
    check(
      'appointment_types_buffers',
      sql`buffer_before_minutes between 0 and 240 and buffer_after_minutes between 0 and 240`,
    ),
    check('appointment_types_step', sql`slot_step_minutes between 5 and 240`),
    check('appointment_types_horizon', sql`min_notice_minutes >= 0 and max_days_ahead between 1 and 365`),
    check('appointment_types_slug', sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('appointment_types_colour', sql`colour ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);
