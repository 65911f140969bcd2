/** The CRM's tables, one file per entity (drizzle-kit reads the schema through this file). */

export { activities } from './activities/activities.tables.ts';
export { companies } from './companies/companies.tables.ts';
export { contacts } from './contacts/contacts.tables.ts';
export { deals } from './deals/deals.tables.ts';
export { importChunks, importJobs } from './imports/imports.tables.ts';
export { leads } from './leads/leads.tables.ts';
export { pipelineStages, pipelines } from './pipelines/pipelines.tables.ts';
export { crmDealRollup, crmLeadRollup } from './rollups/rollups.tables.ts';
export { taskComments, tasks } from './tasks/tasks.tables.ts';
export { leadVendors } from './vendors/vendors.tables.ts';
export { savedViews } from './views/saved-views.tables.ts';
