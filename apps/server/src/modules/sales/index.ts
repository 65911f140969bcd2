import type { FastifyInstance } from 'fastify';
import { brandingRoutes } from './branding/branding.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { commissionRoutes } from './commissions/commissions.routes.ts';
import { deliveryNoteRoutes } from './delivery/delivery-notes.routes.ts';
import { documentFileRoutes } from './documents/document-files.routes.ts';
import { documentRoutes } from './documents/documents.routes.ts';
import { quoteRoutes } from './documents/quote.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { recurringRoutes } from './recurring/recurring.routes.ts';
import { registerSalesRecords } from './registrations.ts';
import type { SalesDeps } from './sales-deps.ts';
import { settingsRoutes } from './settings/settings.routes.ts';

registerSalesRecords();

export type { SalesDeps } from './sales-deps.ts';

/** The sales module's HTTP API: catalog, quotes, invoices, payments, credit notes, settings. */
export const salesRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  await app.register(catalogRoutes, deps);
  await app.register(commissionRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(quoteRoutes, deps);
  await app.register(documentFileRoutes, deps);
  await app.register(brandingRoutes, deps);
  await app.register(recurringRoutes, deps);
  await app.register(deliveryNoteRoutes, deps);
  await app.register(portalRoutes, deps);
};

/** The demo company's quotes, invoices and payments, and the demo customer's portal access (seed/demo-seed.ts). */
export { SALES_DEMO_COUNTS, seedSalesDemo } from './demo/demo-data.ts';
/** Bulk invoices, lines and payments for `npm run db:generate` and the sales bench (set-based SQL). */
export { type GenerateSalesInput, generateSalesData } from './demo/generate-sales.ts';
/** Draft invoices made by other modules (work: billable time) in their transaction. */
export { createDraftInvoice, type DraftInvoiceInput, draftTaxRates } from './documents/draft-invoice.ts';
/** Nightly: overdue invoices and reminders (listed in src/jobs.ts). */
export { markOverdueInvoices, salesOverdueJob } from './documents/overdue-job.ts';
/** Daily: the invoices of recurring templates (listed in src/jobs.ts). */
export { generateRecurringInvoices, salesRecurringJob } from './recurring/recurring-job.ts';
