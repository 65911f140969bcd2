import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../identity/index.ts';

/** The tenant's scheduling settings (one row per tenant, created on first change): the booking strategy. */
export const schedulingSettings = pgTable('scheduling_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  strategy: text('strategy', { enum: ['load_balanced', 'round_robin', 'fixed_priority'] })
    .notNull()
    .default('load_balanced'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
