import { bigint, date, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../identity/index.ts';

/**
 * Roll-ups of leads and deals for the CRM KPIs (ADR 0037): append-only signed deltas, one row per key and
 * statement, written by the statement triggers of migration 0054 in the writing transaction and summed by the
 * reads; `crm.compact-rollups` folds them into one row per key. `day` is a calendar day in the tenant's time zone;
 * every delta is written twice, at the `day` and the `month` grain, so a period reads whole months from the
 * month rows and only its edges from the day rows.
 */
export const crmLeadRollup = pgTable(
  'crm_lead_rollup',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** `day` rows: the lead's creation day; `month` rows: the first day of its month (the same deltas, summed). */
    grain: text('grain', { enum: ['day', 'month'] }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id'),
    source: text('source'),
    vendorId: uuid('vendor_id'),
    status: text('status').notNull(),
    leads: integer('leads').notNull(),
    /** Amounts of the won, live deals converted from these leads. */
    wonRevenueCents: bigint('won_revenue_cents', { mode: 'number' }).notNull(),
  },
  (t) => [index('crm_lead_rollup_tenant_day_idx').on(t.tenantId, t.grain, t.day)],
);

export const crmDealRollup = pgTable(
  'crm_deal_rollup',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    grain: text('grain', { enum: ['day', 'month'] }).notNull(),
    /** The close day (or its month's first day) of won and lost deals; null for open ones. */
    day: date('day', { mode: 'string' }),
    ownerId: uuid('owner_id'),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    deals: integer('deals').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** Sum of (closed_at − created_at) in seconds of closed deals. */
    cycleSeconds: numeric('cycle_seconds').notNull(),
  },
  (t) => [index('crm_deal_rollup_tenant_status_day_idx').on(t.tenantId, t.status, t.grain, t.day)],
);
