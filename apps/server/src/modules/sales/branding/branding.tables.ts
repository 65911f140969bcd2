import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytesColumn, timestamps, versionColumn } from '../../../platform/db/columns.ts';
import { tenants } from '../../identity/index.ts';

/** How the tenant's documents look: logo and colours (one row per tenant, created on first change). */
export const salesBranding = pgTable(
  'sales_branding',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    primaryColor: text('primary_color'),
    accentColor: text('accent_color'),
    logo: bytesColumn('logo'),
    logoType: text('logo_type'),
    version: versionColumn(),
    ...timestamps(),
  },
  () => [
    check(
      'sales_branding_colors',
      sql`(primary_color IS NULL OR primary_color ~ '^#[0-9a-f]{6}$') AND (accent_color IS NULL OR accent_color ~ '^#[0-9a-f]{6}$')`,
    ),
    check(
      'sales_branding_logo',
      sql`(logo IS NULL AND logo_type IS NULL) OR (logo_type IN ('image/png', 'image/jpeg') AND octet_length(logo) BETWEEN 1 AND 524288)`,
    ),
  ],
);
