import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versionColumn } from '../../platform/db/columns.ts';
import { tenants } from '../identity/index.ts';

/** One row per tenant: defaults every module reads (currency, time zone, locale). RLS-protected. */
export const tenantSettings = pgTable(
  'tenant_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull().default('USD'),
    timezone: text('timezone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en-US'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [check('tenant_settings_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);
