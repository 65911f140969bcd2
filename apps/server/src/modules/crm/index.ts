import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { leadRoutes } from './leads/leads.routes.ts';

export interface CrmDeps {
  database: Database;
}

/** The CRM module's HTTP API: leads, contacts, companies, deals, pipelines, activities, tasks, imports. */
export const crmRoutes = async (app: FastifyInstance, deps: CrmDeps) => {
  await app.register(leadRoutes, deps);
};

export { createDefaultPipeline } from './pipelines/default-pipeline.ts';
