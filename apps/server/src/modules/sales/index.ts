import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { registerSalesRecords } from './registrations.ts';

registerSalesRecords();

export interface SalesDeps {
  database: Database;
}

/** The sales module's HTTP API: catalog, quotes, invoices, payments, credit notes, settings. */
export const salesRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  await app.register(catalogRoutes, deps);
};
