import {
  productCategoryCreateInput,
  productCategoryListQuery,
  productCategorySchema,
  productCategoryUpdateInput,
  productCreateInput,
  productListQuery,
  productSchema,
  productUpdateInput,
  taxRateCreateInput,
  taxRateListQuery,
  taxRateSchema,
  taxRateUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { categoryService, productService, taxRateService } from './catalog.services.ts';
import { categoryDef, productDef, taxRateDef } from './catalog-records.ts';

const catalogPermissions = {
  view: 'products.view',
  create: 'products.manage',
  update: 'products.manage',
  delete: 'products.manage',
} as const;

/** The catalog: product categories, tax rates, products and services (read: products.view; change: products.manage). */
export const catalogRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/product-categories',
    tag: 'product-categories',
    def: categoryDef,
    permissions: catalogPermissions,
    schemas: {
      dto: productCategorySchema,
      create: productCategoryCreateInput,
      update: productCategoryUpdateInput,
      list: productCategoryListQuery,
    },
    service: categoryService as never,
  });
  registerRecordRoutes(app, database, {
    base: '/api/v1/tax-rates',
    tag: 'tax-rates',
    def: taxRateDef,
    permissions: catalogPermissions,
    schemas: {
      dto: taxRateSchema,
      create: taxRateCreateInput,
      update: taxRateUpdateInput,
      list: taxRateListQuery,
    },
    service: taxRateService as never,
  });
  registerRecordRoutes(app, database, {
    base: '/api/v1/products',
    tag: 'products',
    def: productDef,
    permissions: catalogPermissions,
    schemas: {
      dto: productSchema,
      create: productCreateInput,
      update: productUpdateInput,
      list: productListQuery,
    },
    service: productService as never,
  });
};
