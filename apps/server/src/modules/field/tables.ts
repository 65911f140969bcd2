/** The field module's tables (drizzle-kit reads the schema through this file). */
export { territories, territoryAgents, visits } from './canvassing/canvassing.tables.ts';
export { crewMembers, crews } from './crews/crews.tables.ts';
export { contractorCustomers, jobStatusHistory, jobs } from './jobs/jobs.tables.ts';
