import {
  type Product,
  type productCreateInput,
  productSchema,
  type productUpdateInput,
  type TaxRate,
  type taxRateCreateInput,
  taxRateSchema,
  type taxRateUpdateInput,
} from '@tessera/contracts';
import type { z } from 'zod';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/** `/api/v1/products` through the record kit. */
export const productRecords = createRecordHooks<
  Product,
  z.output<typeof productCreateInput>,
  z.output<typeof productUpdateInput>
>({ path: 'products', schema: productSchema });

/** `/api/v1/tax-rates` through the record kit. */
export const taxRateRecords = createRecordHooks<
  TaxRate,
  z.output<typeof taxRateCreateInput>,
  z.output<typeof taxRateUpdateInput>
>({ path: 'tax-rates', schema: taxRateSchema });
