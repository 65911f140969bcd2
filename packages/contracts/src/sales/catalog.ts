import { z } from 'zod';
import { optionalText } from '../crm/common.ts';
import { uuid, version } from '../primitives.ts';
import { cents, currency, listParams, recordBase, sortParam } from '../records.ts';

// The sales catalog: product categories (a tree), tax rates, products and services.

const name = z.string().trim().min(1, 'Required').max(200);
const partial = <T extends z.ZodRawShape>(fields: T) => z.object(fields).partial().shape;

export const productCategorySchema = z.object({ ...recordBase, name: z.string(), parentId: uuid.nullable() });
export type ProductCategory = z.infer<typeof productCategorySchema>;
const categoryFields = { name, parentId: uuid.nullable().optional() };
export const productCategoryCreateInput = z.strictObject(categoryFields);
export const productCategoryUpdateInput = z.strictObject({ ...partial(categoryFields), version });
export const productCategoryListQuery = z.strictObject({
  ...listParams,
  limit: listParams.limit,
  sort: sortParam(['name'], 'name'),
  parentId: uuid.optional(),
});

/** 19 % → 1900 basis points; at most 100 %. */
export const taxRateBp = z.number().int().min(0).max(10_000);
export const TAX_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export const taxRateSchema = z.object({
  ...recordBase,
  name: z.string(),
  rateBp: z.number().int(),
  inclusive: z.boolean(),
  isDefault: z.boolean(),
  category: z.enum(TAX_CATEGORIES),
});
export type TaxRate = z.infer<typeof taxRateSchema>;
const taxRateFields = {
  name: z.string().trim().min(1, 'Required').max(100),
  rateBp: taxRateBp,
  inclusive: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  /** EN 16931 tax category (S standard, Z zero, E exempt, AE reverse charge, K intra-EU, G export, O outside scope). */
  category: z.enum(TAX_CATEGORIES).optional(),
};
export const taxRateCreateInput = z.strictObject(taxRateFields);
export const taxRateUpdateInput = z.strictObject({ ...partial(taxRateFields), version });
export const taxRateListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'rateBp'], 'name'),
});

export const PRODUCT_KINDS = ['product', 'service'] as const;
export const productSchema = z.object({
  ...recordBase,
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(PRODUCT_KINDS),
  unit: z.string(),
  unitPriceCents: z.number().int().nullable().optional(),
  currency: z.string(),
  taxRateId: uuid.nullable(),
  categoryId: uuid.nullable(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
const productFields = {
  sku: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(64)
    .regex(/^[\p{L}\p{N}._\-/]+$/u, 'Letters, digits, . _ - / only'),
  name,
  description: optionalText(4000),
  kind: z.enum(PRODUCT_KINDS).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  unitPriceCents: cents,
  currency: currency.optional(),
  taxRateId: uuid.nullable().optional(),
  categoryId: uuid.nullable().optional(),
  active: z.boolean().optional(),
};
export const productCreateInput = z.strictObject(productFields);
export const productUpdateInput = z.strictObject({ ...partial(productFields), version });
export const productListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'sku', 'unitPriceCents', 'createdAt'], 'name'),
  categoryId: uuid.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: z.enum(PRODUCT_KINDS).optional(),
});
