import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { featureScope } from '../../platform/http/feature-gate.ts';
import type { SendJob } from '../../platform/jobs/index.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { companyRoutes } from './companies/companies.routes.ts';
import { contactRoutes } from './contacts/contacts.routes.ts';
import { dealRoutes } from './deals/deals.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { leadRoutes } from './leads/leads.routes.ts';
import { registerCrmOnboarding } from './onboarding.ts';
import { pipelineRoutes } from './pipelines/pipelines.routes.ts';
import { registerCrmRecords } from './registrations.ts';
import { registerCrmKpis } from './reports/crm-kpis.ts';
import { registerCrmSearch } from './search.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { vendorRoutes } from './vendors/vendors.routes.ts';
import { savedViewRoutes } from './views/saved-views.routes.ts';

registerCrmRecords();
registerCrmKpis();
registerCrmSearch();
registerCrmOnboarding();

export interface CrmDeps {
  database: Database;
  /** Enqueues background jobs (CSV imports); absent when no job queue runs. */
  sendJob?: SendJob;
}

/** The CRM module's HTTP API: leads, contacts, companies, deals, pipelines, activities, tasks, imports. */
export const crmRoutes = async (app: FastifyInstance, deps: CrmDeps) => {
  featureScope(app, 'crm');
  await app.register(leadRoutes, deps);
  await app.register(importRoutes, deps);
  await app.register(companyRoutes, deps);
  await app.register(contactRoutes, deps);
  await app.register(vendorRoutes, deps);
  await app.register(pipelineRoutes, deps);
  await app.register(dealRoutes, deps);
  await app.register(activityRoutes, deps);
  await app.register(taskRoutes, deps);
  await app.register(savedViewRoutes, deps);
};

/** A company as a document party (sales: the customer snapshot of an issued invoice). */
export { type CompanyParty, companyParty } from './companies/company-party.ts';
/** Marks a deal won in the caller's transaction (sales: an accepted quote converted into an invoice). */
export { winDealIn } from './deals/deal-actions.service.ts';
export { DEMO_COUNTS, type DemoPeople, seedDemoData as seedCrmDemo } from './demo/demo-data.ts';
export {
  type GenerateCounts,
  type GenerateCrmDataInput,
  generateCrmData,
  type TableResult,
} from './demo/generate-data.ts';
/** Sample names and values, shared by the demo seeder and the bulk data generator (demo/generate-data.ts). */
export * from './demo/sample-values.ts';
/** The CSV import engine, for other modules' importable entities (sales: products). */
export {
  type ImportEntityDef,
  registerImportEntity,
  rejectMissingIds,
} from './imports/import-entities.ts';
export { crmImportJob } from './imports/import-job.ts';
/** The lead of a public booking (scheduling): matched by e-mail or created with source `booking`. */
export { type BookingLeadInput, matchOrCreateBookingLead } from './leads/booking-lead.ts';
/** The lead of a door-to-door visit (field module), in the caller's transaction. */
export { type CanvassLeadInput, upsertCanvassLead } from './leads/canvass-lead.ts';
/** Changes a lead's status in the caller's transaction (scheduling: an appointment completed as qualified). */
export { changeLeadStatusIn } from './leads/lead-actions.service.ts';
/** Creates a lead as the given caller (emits `lead.created`); used by inbound lead-capture hooks. */
export { createLead } from './leads/leads.service.ts';
export { createDefaultPipeline } from './pipelines/default-pipeline.ts';
export { compactCrmRollups, compactCrmRollupsJob } from './rollups/compact-rollups.job.ts';
/** CRM tables other modules refer to (foreign keys of field jobs and visits). */
export { companies, contacts, deals, leads } from './tables.ts';
export { assignedTasksDue, taskTitles } from './tasks/tasks-due.ts';
