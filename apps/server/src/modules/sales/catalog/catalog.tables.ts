import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { money, nonNegative, recordColumns, searchText, tenantKey } from '../record-columns.ts';

/** Product categories: a tree (parent in the same tenant; cycles are refused by the service). */
export const productCategories = pgTable(
  'product_categories',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
  },
  (t) => [
    tenantKey('product_categories_tenant_id_key', t),
    uniqueIndex('product_categories_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
    index('product_categories_tenant_parent_idx').on(t.tenantId, t.parentId),
    foreignKey({
      name: 'product_categories_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id] as [AnyPgColumn, AnyPgColumn],
    }),
    check('product_categories_not_own_parent', sql`parent_id IS DISTINCT FROM id`),
  ],
);

/** Tax rates in basis points; at most one default per tenant (partial unique index). */
export const taxRates = pgTable(
  'tax_rates',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    rateBp: integer('rate_bp').notNull(),
    inclusive: boolean('inclusive').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    category: text('category').notNull().default('S'),
  },
  (t) => [
    tenantKey('tax_rates_tenant_id_key', t),
    uniqueIndex('tax_rates_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
    uniqueIndex('tax_rates_one_default').on(t.tenantId).where(sql`is_default AND archived_at IS NULL`),
    index('tax_rates_tenant_rate_idx').on(t.tenantId, t.rateBp, t.id),
    check('tax_rates_rate_range', sql`rate_bp BETWEEN 0 AND 10000`),
    check('tax_rates_category', sql`category IN ('S','Z','E','AE','K','G','O')`),
  ],
);

/** Products and services; the SKU is unique per tenant whatever its case. */
export const products = pgTable(
  'products',
  {
    ...recordColumns(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: ['product', 'service'] })
      .notNull()
      .default('product'),
    unit: text('unit').notNull().default('pcs'),
    unitPriceCents: money('unit_price_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    taxRateId: uuid('tax_rate_id'),
    categoryId: uuid('category_id'),
    active: boolean('active').notNull().default(true),
    skuKey: text('sku_key').generatedAlwaysAs(sql`lower(sku)`),
    searchText: text('search_text').generatedAlwaysAs(searchText('sku', 'name')),
  },
  (t) => [
    tenantKey('products_tenant_id_key', t),
    uniqueIndex('products_tenant_sku_key').on(t.tenantId, t.skuKey),
    index('products_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('products_tenant_price_idx').on(t.tenantId, t.unitPriceCents, t.id),
    index('products_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('products_tenant_category_idx').on(t.tenantId, t.categoryId),
    index('products_search_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
    foreignKey({
      name: 'products_tax_rate_fk',
      columns: [t.tenantId, t.taxRateId],
      foreignColumns: [taxRates.tenantId, taxRates.id],
    }),
    foreignKey({
      name: 'products_category_fk',
      columns: [t.tenantId, t.categoryId],
      foreignColumns: [productCategories.tenantId, productCategories.id],
    }),
    check('products_price_non_negative', nonNegative('unit_price_cents')),
    check('products_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);
