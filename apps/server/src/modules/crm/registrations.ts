import { sql } from 'drizzle-orm';
import { registerRealtimeEntity } from '../../platform/realtime/index.ts';
import * as kit from '../../platform/records/index.ts';
import { activeMemberIds } from '../identity/index.ts';
import { activityTimeline } from './activities/activity-timeline.ts';
import { companies } from './companies/companies.tables.ts';
import { companyBulk } from './companies/company-bulk.ts';
import { companyExport } from './companies/company-export.ts';
import { companyImport } from './companies/company-import.ts';
import { companyDef } from './companies/company-record.ts';
import { contactBulk } from './contacts/contact-bulk.ts';
import { contactExport } from './contacts/contact-export.ts';
import { contactImport } from './contacts/contact-import.ts';
import { contactDef } from './contacts/contact-record.ts';
import { contacts } from './contacts/contacts.tables.ts';
import { dealBulk } from './deals/deal-bulk.ts';
import { dealExport } from './deals/deal-export.ts';
import { dealDef } from './deals/deal-record.ts';
import { deals } from './deals/deals.tables.ts';
import { registerCrmExportNames } from './export-names.ts';
import { registerImportEntity } from './imports/import-entities.ts';
import { leadBulk } from './leads/lead-bulk.ts';
import { leadExport } from './leads/lead-export.ts';
import { leadImport } from './leads/lead-import.ts';
import { leadDef } from './leads/lead-record.ts';
import { leads } from './leads/leads.tables.ts';
import { pipelineStages, pipelines } from './pipelines/pipelines.tables.ts';
import { taskCommentTimeline } from './tasks/task-comment-timeline.ts';
import { taskTimeline } from './tasks/task-timeline.ts';
import { tasks } from './tasks/tasks.tables.ts';
import { registerCrmTimelineRollups } from './timeline-rollups.ts';
import { leadVendors } from './vendors/vendors.tables.ts';

/**
 * What the CRM adds to the shared record kit (platform/records): the record kinds activities and tasks link
 * to, the timeline sources, the reference fields its request bodies carry, and its CSV imports and exports. Run once, from index.ts.
 */
export const registerCrmRecords = () => {
  kit.registerRelatedType({
    type: 'lead',
    def: leadDef,
    view: 'leads.view',
    key: 'leadId',
    name: sql<string>`${leads.firstName} || ' ' || ${leads.lastName}`,
  });
  kit.registerRelatedType({
    type: 'contact',
    def: contactDef,
    view: 'contacts.view',
    key: 'contactId',
    name: sql<string>`${contacts.firstName} || ' ' || ${contacts.lastName}`,
  });
  kit.registerRelatedType({
    type: 'company',
    def: companyDef,
    view: 'companies.view',
    key: 'companyId',
    name: sql<string>`${companies.name}`,
  });
  kit.registerRelatedType({
    type: 'deal',
    def: dealDef,
    view: 'deals.view',
    key: 'dealId',
    name: sql<string>`${deals.title}`,
  });
  // Records that can have files (documents module): who sees the record sees its files.
  kit.registerAttachableType({ type: 'lead', def: leadDef, view: 'leads.view' });
  kit.registerAttachableType({ type: 'contact', def: contactDef, view: 'contacts.view' });
  kit.registerAttachableType({ type: 'company', def: companyDef, view: 'companies.view' });
  kit.registerAttachableType({ type: 'deal', def: dealDef, view: 'deals.view' });
  kit.registerTimelineSource(activityTimeline);
  kit.registerTimelineSource(taskTimeline);
  kit.registerTimelineSource(taskCommentTimeline);
  registerCrmTimelineRollups();
  // What a body may refer to, and what the caller needs to see it (view permission + record scope).
  kit.registerRecordReference('vendorId', { table: leadVendors, view: 'leads.view' });
  kit.registerRecordReference('companyId', {
    table: companies,
    view: 'companies.view',
    scope: { resource: 'companies', owner: companies.ownerId },
  });
  kit.registerRecordReference('contactId', {
    table: contacts,
    view: 'contacts.view',
    scope: { resource: 'contacts', owner: contacts.ownerId },
  });
  kit.registerRecordReference('pipelineId', { table: pipelines, view: 'deals.view' });
  kit.registerRecordReference('stageId', { table: pipelineStages, view: 'deals.view' });
  kit.registerRecordReference('leadId', {
    table: leads,
    view: 'leads.view',
    scope: { resource: 'leads', owner: leads.ownerId },
  });
  kit.registerRecordReference('taskId', {
    table: tasks,
    view: 'tasks.view',
    scope: { resource: 'tasks', owner: tasks.assigneeId },
  });
  kit.registerRecordReference('dealId', {
    table: deals,
    view: 'deals.view',
    scope: { resource: 'deals', owner: deals.ownerId },
  });
  for (const field of ['ownerId', 'assigneeId']) kit.registerMemberReference(field, activeMemberIds);
  // Which events become socket messages, and who may receive them (view permission + record scope).
  registerRealtimeEntity({
    entity: 'lead',
    idKey: 'leadId',
    table: leads,
    view: 'leads.view',
    scope: { resource: 'leads', owner: leads.ownerId },
  });
  registerRealtimeEntity({
    entity: 'deal',
    idKey: 'dealId',
    table: deals,
    view: 'deals.view',
    scope: { resource: 'deals', owner: deals.ownerId },
  });
  registerRealtimeEntity({
    entity: 'task',
    idKey: 'taskId',
    table: tasks,
    view: 'tasks.view',
    scope: { resource: 'tasks', owner: tasks.assigneeId },
  });
  for (const e of [leadExport, contactExport, companyExport, dealExport]) kit.registerExport(e);
  registerCrmExportNames();
  for (const b of [leadBulk, companyBulk, contactBulk, dealBulk]) kit.registerBulk(b);
  for (const e of [leadImport, contactImport, companyImport]) registerImportEntity(e);
};
