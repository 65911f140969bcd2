/** The sales module's tables, one file per area (drizzle-kit reads the schema through this file). */

export { salesBranding } from './branding/branding.tables.ts';
export { productCategories, products, taxRates } from './catalog/catalog.tables.ts';
export { commissionLines, commissionRules } from './commissions/commissions.tables.ts';
export {
  salesDeliveryNoteLines,
  salesDeliveryNotes,
} from './delivery/delivery-notes.tables.ts';
export { salesDocumentLines, salesDocuments, salesReminders } from './documents/documents.tables.ts';
export { payments } from './payments/payments.tables.ts';
export { portalAccess } from './portal/portal.tables.ts';
export { salesRecurringInvoices, salesRecurringRuns } from './recurring/recurring.tables.ts';
export { salesArDaily, salesArOpen } from './reports/ar-rollup.tables.ts';
export { salesCounters, salesSettings } from './settings/settings.tables.ts';
