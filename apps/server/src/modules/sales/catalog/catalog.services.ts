import { and, eq, ne, sql } from 'drizzle-orm';
import { referencesNotFound } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { productCategories, taxRates } from './catalog.tables.ts';
import {
  type CategoryRow,
  categoryDef,
  categoryListSpec,
  type ProductRow,
  productColumns,
  productDef,
  productListSpec,
  type TaxRateRow,
  taxRateDef,
  taxRateListSpec,
  toCategory,
  toProduct,
  toTaxRate,
} from './catalog-records.ts';
import { catalogService } from './catalog-service.ts';

/** A category's parent must be a category of the tenant, and never the category itself or one below it. */
const checkParent = async (t: Tx, ctx: AuthedContext, input: Record<string, unknown>, id?: string) => {
  const parentId = input.parentId as string | null | undefined;
  if (!parentId) return input;
  const exists = await kit.existingIds(t, ctx.tenantId, productCategories, [parentId]);
  if (!exists.has(parentId)) throw referencesNotFound(['parentId']);
  if (id) {
    // Walk up from the new parent: reaching the category itself would make a cycle.
    const found = (await t.execute(sql`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM product_categories WHERE tenant_id = ${ctx.tenantId} AND id = ${parentId}
        UNION ALL
        SELECT c.id, c.parent_id, up.depth + 1 FROM product_categories c JOIN up ON c.id = up.parent_id
        WHERE c.tenant_id = ${ctx.tenantId} AND up.depth < 100
      ) SELECT id FROM up WHERE id = ${id}`)) as unknown as { rows: { id: string }[] };
    if (found.rows.length > 0)
      throw new AppError('VALIDATION_ERROR', 'A category cannot be placed below itself', {
        details: [{ path: 'body.parentId', message: 'Would make a cycle' }],
      });
  }
  return input;
};

/** A new default tax rate takes over from the previous one (that change is audited too). */
const singleDefault = async (t: Tx, ctx: AuthedContext, input: Record<string, unknown>, id?: string) => {
  if (input.isDefault !== true) return input;
  const previous = await t
    .select({ id: taxRates.id })
    .from(taxRates)
    .where(
      and(
        eq(taxRates.tenantId, ctx.tenantId),
        eq(taxRates.isDefault, true),
        id ? ne(taxRates.id, id) : undefined,
      ),
    )
    .for('update');
  for (const p of previous)
    await kit.updateRecord<TaxRateRow>(t, ctx, taxRateDef, {
      id: p.id,
      version: undefined,
      patch: { isDefault: false },
      toDto: toTaxRate(ctx.auth),
    });
  return input;
};

/** Product references (tax rate, category) must be the tenant's: another tenant's id is a 404. */
const productRefs = async (t: Tx, ctx: AuthedContext, input: Record<string, unknown>) => {
  await kit.assertReferences(t, ctx, {
    taxRateId: input.taxRateId as string | null | undefined,
    categoryId: input.categoryId as string | null | undefined,
  });
  return input;
};

export const categoryService = catalogService({
  def: categoryDef,
  toDto: (ctx) => toCategory(ctx.auth) as never,
  listSpec: (q) => categoryListSpec(q as { parentId?: string }),
  unique: { product_categories_tenant_name_key: 'name' },
  prepare: checkParent,
});
export type { CategoryRow, ProductRow };

export const taxRateService = catalogService({
  def: taxRateDef,
  toDto: (ctx) => toTaxRate(ctx.auth) as never,
  listSpec: () => taxRateListSpec(),
  unique: { tax_rates_tenant_name_key: 'name', tax_rates_one_default: 'isDefault' },
  prepare: singleDefault,
});

export const productService = catalogService({
  def: productDef,
  toDto: (ctx) => toProduct(ctx.auth) as never,
  listSpec: (q) => productListSpec(q as never),
  columns: productColumns,
  unique: { products_tenant_sku_key: 'sku' },
  prepare: productRefs,
});
