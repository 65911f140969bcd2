import { productCreateInput, productListQuery } from '@tessera/contracts';
import type { z } from 'zod';
import { type ExportDef, RECORD_EXPORT_COLUMNS } from '../../../platform/records/index.ts';
import { type ImportEntityDef, rejectMissingIds } from '../../crm/index.ts';
import { productCategories, products, taxRates } from './catalog.tables.ts';
import {
  type ProductRow,
  productColumns,
  productDef,
  productListSpec,
  toProduct,
} from './catalog-records.ts';

const text = (...synonyms: string[]) => ({ kind: 'text' as const, synonyms });

/** Products from CSV (the CRM's import engine); duplicates by SKU (case-insensitive). */
export const productImport: ImportEntityDef = {
  entity: 'products',
  def: productDef,
  permission: 'products.import',
  schema: productCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    sku: text('itemnumber', 'articlenumber', 'code', 'productcode', 'partnumber', 'itemcode'),
    name: text('productname', 'title', 'item', 'product'),
    description: text('details', 'longdescription'),
    kind: text('type', 'producttype'),
    unit: text('uom', 'unitofmeasure'),
    unitPriceCents: { kind: 'money', synonyms: ['unitprice', 'price', 'netprice', 'listprice', 'rate'] },
    currency: text('currencycode'),
    taxRateId: text('taxrate', 'taxrateid'),
    categoryId: text('category', 'categoryid'),
  },
  required: [['sku', 'name', 'unitPriceCents']],
  duplicateKeys: [
    {
      kind: 'sku',
      field: 'sku',
      label: 'SKU',
      column: products.skuKey,
      of: (v) => (typeof v.sku === 'string' ? v.sku.toLowerCase() : null),
    },
  ],
  columns: {
    sku: products.sku,
    name: products.name,
    description: products.description,
    kind: products.kind,
    unit: products.unit,
    unitPriceCents: products.unitPriceCents,
    currency: products.currency,
    taxRateId: products.taxRateId,
    categoryId: products.categoryId,
  },
  checkReferences: async (tx, tenantId, rows, reject) => {
    await rejectMissingIds(tx, tenantId, rows, reject, {
      field: 'taxRateId',
      table: taxRates,
      message: 'No such tax rate',
    });
    await rejectMissingIds(tx, tenantId, rows, reject, {
      field: 'categoryId',
      table: productCategories,
      message: 'No such category',
    });
  },
};

/** Products as CSV: the list's filters, the DTO's fields (the price disappears without fields.money.view). */
export const productExport: ExportDef = {
  entity: 'products',
  permission: 'products.export',
  def: productDef,
  query: productListQuery,
  spec: (_ctx, f) => productListSpec(f as Parameters<typeof productListSpec>[0]),
  select: productColumns,
  columns: [
    'id',
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
    ...RECORD_EXPORT_COLUMNS,
  ],
  toDtos: async (_tx, ctx, rows) => rows.map((r) => toProduct(ctx.auth)(r as ProductRow)),
};
