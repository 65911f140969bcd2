import { sql } from 'drizzle-orm';
import { registerRealtimeEntity } from '../../platform/realtime/index.ts';
import * as kit from '../../platform/records/index.ts';
import { registerImportEntity } from '../crm/index.ts';
import { activeMemberIds } from '../identity/index.ts';
import { productCategories, taxRates } from './catalog/catalog.tables.ts';
import { productExport, productImport } from './catalog/product-csv.ts';
import { DOCUMENT_DEFS } from './documents/document-record.ts';
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
  // Commission rules name an agent.
  kit.registerMemberReference('userId', activeMemberIds);
  kit.registerExport(productExport);
  registerImportEntity(productImport);
  kit.registerTimelineSource(documentTimeline);
  // Files (documents module) on quotes and invoices: visible to whoever sees the quote / invoice.
  kit.registerAttachableType({ type: 'quote', def: DOCUMENT_DEFS.quote, view: 'quotes.view' });
  kit.registerAttachableType({ type: 'invoice', def: DOCUMENT_DEFS.invoice, view: 'invoices.view' });
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
  // The global search (command palette) finds quotes and invoices by number or customer.
  const title = sql<string>`coalesce(${salesDocuments.number}, 'Draft')`;
  for (const [kind, label, view, path, order] of [
    ['quote', 'Quotes', 'quotes.view', 'quotes', 50],
    ['invoice', 'Invoices', 'invoices.view', 'invoices', 60],
  ] as const)
    kit.registerSearchable({
      type: kind,
      label,
      def: DOCUMENT_DEFS[kind],
      view,
      feature: 'sales',
      searchText: salesDocuments.searchText,
      title,
      subtitle: sql<string | null>`${salesDocuments.customerName}`,
      url: (id) => `/${path}/${id}`,
      order,
    });
};
