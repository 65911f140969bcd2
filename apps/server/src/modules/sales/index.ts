import type { FastifyInstance } from 'fastify';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { documentRoutes } from './documents/documents.routes.ts';
import { quoteRoutes } from './documents/quote.routes.ts';
import { registerSalesRecords } from './registrations.ts';
import type { SalesDeps } from './sales-deps.ts';
import { settingsRoutes } from './settings/settings.routes.ts';

registerSalesRecords();

export type { SalesDeps } from './sales-deps.ts';

/** The sales module's HTTP API: catalog, quotes, invoices, payments, credit notes, settings. */
export const salesRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  await app.register(catalogRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(quoteRoutes, deps);
};

/** Nightly: overdue invoices and reminders (listed in src/jobs.ts). */
export { markOverdueInvoices, salesOverdueJob } from './documents/overdue-job.ts';
