import * as kit from '../../platform/records/index.ts';
import { registerImportEntity } from '../crm/index.ts';
import { productCategories, taxRates } from './catalog/catalog.tables.ts';
import { productExport, productImport } from './catalog/product-csv.ts';

/**
 * What sales adds to the shared registries: the references its bodies carry, its CSV import and export.
 * Run once, from index.ts.
 */
export const registerSalesRecords = () => {
  kit.registerRecordReference('taxRateId', { table: taxRates, view: 'products.view' });
  kit.registerRecordReference('categoryId', { table: productCategories, view: 'products.view' });
  kit.registerExport(productExport);
  registerImportEntity(productImport);
};
