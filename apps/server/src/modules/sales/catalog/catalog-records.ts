import type { Product, ProductCategory, productListQuery, TaxRate } from '@tessera/contracts';
import { type AnyColumn, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Principal, redactFields } from '../../../platform/access/index.ts';
import { baseDto, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import { productCategories, products, taxRates } from './catalog.tables.ts';

export type CategoryRow = typeof productCategories.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
export type ProductRow = typeof products.$inferSelect;

// Catalog records are tenant configuration: no owner, no record scope (the `scope` below is never applied).

export const categoryDef: RecordDef = {
  name: 'product_category',
  label: 'Product category',
  table: productCategories,
  scope: 'invoices',
  auditFields: ['name', 'parentId', 'archivedAt'],
};
export const taxRateDef: RecordDef = {
  name: 'tax_rate',
  label: 'Tax rate',
  table: taxRates,
  scope: 'invoices',
  auditFields: ['name', 'rateBp', 'inclusive', 'isDefault', 'category', 'archivedAt'],
};
export const productDef: RecordDef = {
  name: 'product',
  label: 'Product',
  table: products,
  scope: 'invoices',
  auditFields: [
    'sku',
    'name',
    'description',
    'kind',
    'unit',
    'unitPriceCents',
    'currency',
    'taxRateId',
    'categoryId',
    'active',
    'archivedAt',
  ],
};

export const toCategory =
  (_p: Principal) =>
  (r: CategoryRow): ProductCategory => ({ ...baseDto(r), name: r.name, parentId: r.parentId });

export const toTaxRate =
  (_p: Principal) =>
  (r: TaxRateRow): TaxRate => ({
    ...baseDto(r),
    name: r.name,
    rateBp: r.rateBp,
    inclusive: r.inclusive,
    isDefault: r.isDefault,
    category: r.category as TaxRate['category'],
  });

/** The price is a money field: hidden without fields.money.view. */
export const toProduct =
  (p: Principal) =>
  (r: ProductRow): Product =>
    redactFields(p, {
      ...baseDto(r),
      sku: r.sku,
      name: r.name,
      description: r.description,
      kind: r.kind,
      unit: r.unit,
      unitPriceCents: r.unitPriceCents,
      currency: r.currency,
      taxRateId: r.taxRateId,
      categoryId: r.categoryId,
      active: r.active,
    }) as Product;

const lowerName = (column: AnyColumn) => sql`lower(${column})`;

export const categoryListSpec = (f: { parentId?: string }): ListSpec => ({
  table: productCategories,
  id: productCategories.id,
  tenantId: productCategories.tenantId,
  archivedAt: productCategories.archivedAt,
  searchText: lowerName(productCategories.name) as unknown as AnyColumn,
  where: [f.parentId ? eq(productCategories.parentId, f.parentId) : undefined],
  sorts: { name: { expr: lowerName(productCategories.name), type: 'text' } },
});

export const taxRateListSpec = (): ListSpec => ({
  table: taxRates,
  id: taxRates.id,
  tenantId: taxRates.tenantId,
  archivedAt: taxRates.archivedAt,
  searchText: lowerName(taxRates.name) as unknown as AnyColumn,
  where: [],
  sorts: {
    name: { expr: lowerName(taxRates.name), type: 'text' },
    rateBp: { expr: taxRates.rateBp, type: 'number' },
  },
});

type ProductFilters = Pick<z.output<typeof productListQuery>, 'categoryId' | 'active' | 'kind'>;

export const productListSpec = (f: ProductFilters): ListSpec => ({
  table: products,
  id: products.id,
  tenantId: products.tenantId,
  archivedAt: products.archivedAt,
  searchText: products.searchText,
  where: [
    f.categoryId ? eq(products.categoryId, f.categoryId) : undefined,
    f.active !== undefined ? eq(products.active, f.active) : undefined,
    f.kind ? eq(products.kind, f.kind) : undefined,
  ],
  sorts: {
    name: { expr: products.name, type: 'text' },
    sku: { expr: products.skuKey, type: 'text' },
    unitPriceCents: { expr: products.unitPriceCents, type: 'number' },
    createdAt: { expr: products.createdAt, type: 'timestamp' },
  },
});

/** List columns (the generated keys stay in the database). */
export const { searchText: _s, skuKey: _k, ...productColumns } = getTableColumns(products);
