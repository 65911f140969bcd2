import { registerRealtimeEntity } from '../../platform/realtime/index.ts';
import * as kit from '../../platform/records/index.ts';
import { registerImportEntity } from '../crm/index.ts';
import { productCategories, taxRates } from './catalog/catalog.tables.ts';
import { productExport, productImport } from './catalog/product-csv.ts';
import { documentTimeline } from './documents/document-timeline.ts';
import { salesDocuments } from './documents/documents.tables.ts';
import { registerSalesKpis } from './reports/sales-kpis.ts';

/**
 * What sales adds to the shared registries: the references its bodies carry, its CSV import and export.
 * Run once, from index.ts.
 */
export const registerSalesRecords = () => {
  kit.registerRecordReference('taxRateId', { table: taxRates, view: 'products.view' });
  kit.registerRecordReference('categoryId', { table: productCategories, view: 'products.view' });
  kit.registerExport(productExport);
  registerImportEntity(productImport);
  kit.registerTimelineSource(documentTimeline);
  registerSalesKpis();
  // Invoice and quote events become socket messages; a paid invoice is also `invoiceCleared` to the tenant room.
  registerRealtimeEntity({
    entity: 'invoice',
    idKey: 'invoiceId',
    table: salesDocuments,
    view: 'invoices.view',
    scope: { resource: 'invoices', owner: salesDocuments.ownerId },
    tenantEvents: { 'invoice.paid': 'invoiceCleared' },
  });
  registerRealtimeEntity({
    entity: 'quote',
    idKey: 'quoteId',
    table: salesDocuments,
    view: 'quotes.view',
    scope: { resource: 'quotes', owner: salesDocuments.ownerId },
  });
};
