import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.ts';
import { roles, tenants, users } from '../identity/index.ts';

/**
 * One row per tenant: defaults every module reads (branding, currency, time zone, locale, tax defaults,
 * fiscal year). RLS-protected. The limits the API checks are held here too.
 */
export const tenantSettings = pgTable(
  'tenant_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull().default('USD'),
    timezone: text('timezone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en-US'),
    companyName: text('company_name'),
    logo: text('logo'),
    primaryColor: text('primary_color'),
    accentColor: text('accent_color'),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull().default(0),
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(false),
    taxId: text('tax_id'),
    fiscalYearStartMonth: smallint('fiscal_year_start_month').notNull().default(1),
    /** Addresses / CIDR ranges admin operations may come from (empty: any). Checked by platform/access/admin-ip-guard. */
    adminIpAllowlist: text('admin_ip_allowlist').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    check('tenant_settings_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('tenant_settings_company_name_length', sql`char_length(${t.companyName}) between 1 and 200`),
    check(
      'tenant_settings_logo_data_url',
      sql`char_length(${t.logo}) <= 140000 and ${t.logo} ~ '^data:image/(png|jpeg|webp|gif);base64,'`,
    ),
    check('tenant_settings_primary_color', sql`${t.primaryColor} ~ '^#[0-9a-f]{6}$'`),
    check('tenant_settings_accent_color', sql`${t.accentColor} ~ '^#[0-9a-f]{6}$'`),
    check('tenant_settings_tax_rate', sql`${t.taxRateBasisPoints} between 0 and 10000`),
    check('tenant_settings_tax_id_length', sql`char_length(${t.taxId}) between 1 and 50`),
    check('tenant_settings_fiscal_month', sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check('tenant_settings_admin_ip_allowlist_size', sql`cardinality(${t.adminIpAllowlist}) <= 50`),
  ],
);

/**
 * A tenant's choice for one feature flag (absent: the catalog's default). `role_ids` non-empty: on only for
 * members of those roles. Every change notifies `tessera_feature_flags` (trigger) so every instance drops its
 * cached copy at once.
 */
export const featureFlags = pgTable(
  'feature_flags',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    enabled: boolean('enabled').notNull(),
    roleIds: uuid('role_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    check('feature_flags_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{1,40}$'`),
    check('feature_flags_role_ids_count', sql`cardinality(${t.roleIds}) <= 100`),
  ],
);

/**
 * Every saved hub override of a role, one row per version (append-only: a rollback saves an older config as a
 * new version). The effective override is the role's highest version.
 */
export const hubOverrides = pgTable(
  'hub_overrides',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id').notNull(),
    version: integer('version').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hub_overrides_role_version_key').on(t.tenantId, t.roleId, t.version),
    foreignKey({
      name: 'hub_overrides_role_fk',
      columns: [t.tenantId, t.roleId],
      foreignColumns: [roles.tenantId, roles.id],
    }).onDelete('cascade'),
    check('hub_overrides_version_positive', sql`${t.version} >= 1`),
    check('hub_overrides_config_size', sql`octet_length(${t.config}::text) <= 65536`),
    check('hub_overrides_note_length', sql`char_length(${t.note}) <= 200`),
  ],
);

/**
 * Who hid the first-run checklist (`/api/v1/onboarding`): one row per member who dismissed it in a company.
 * RLS-protected.
 */
export const onboardingDismissals = pgTable(
  'onboarding_dismissals',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
