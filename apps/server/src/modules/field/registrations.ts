import { sql } from 'drizzle-orm';
import { registerRealtimeEntity } from '../../platform/realtime/index.ts';
import * as kit from '../../platform/records/index.ts';
import { visitDef } from './canvassing/territory-record.ts';
import { crews } from './crews/crews.tables.ts';
import { jobAudience } from './jobs/job-audience.ts';
import { jobDef } from './jobs/job-record.ts';
import { jobs } from './jobs/jobs.tables.ts';

/**
 * What the field module adds to the record kit and the sockets: the reference fields its bodies carry, and
 * which job events reach whom, which records take files (jobs, visits) (`job.assigned` → the crew's own rooms, `job.status_changed` → the tenant room,
 * each filtered by who may see the job). Run once, from index.ts.
 */
export const registerFieldRecords = () => {
  kit.registerRecordReference('crewId', { table: crews, view: 'crews.view' });
  // Files (documents module): job photos, visit audio recordings — visible to whoever sees the job / visit.
  kit.registerAttachableType({ type: 'job', def: jobDef, view: 'jobs.view' });
  kit.registerAttachableType({ type: 'visit', def: visitDef, view: 'visits.view' });
  registerRealtimeEntity({
    entity: 'job',
    idKey: 'jobId',
    table: jobs,
    view: 'jobs.view',
    scope: { resource: 'jobs', owner: jobs.ownerId },
    audience: jobAudience,
    notify: { 'job.assigned': 'audience', 'job.status_changed': 'tenant' },
  });
  // The global search finds the jobs the caller may see (crews and contractors: ADR 0018).
  kit.registerSearchable({
    type: 'job',
    label: 'Jobs',
    def: jobDef,
    view: 'jobs.view',
    feature: 'field',
    searchText: jobs.searchText,
    title: sql<string>`${jobs.title}`,
    subtitle: sql<string | null>`${jobs.customerName}`,
    url: (id) => `/jobs/${id}`,
    order: 70,
  });
};
