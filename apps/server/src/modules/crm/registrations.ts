import { registerExport } from '../../platform/records/exports/exports.service.ts';
import { registerMemberReference, registerRecordReference } from '../../platform/records/references.ts';
import { registerRelatedType } from '../../platform/records/related.ts';
import { registerTimelineSource } from '../../platform/records/timeline.ts';
import { activeMemberIds } from '../identity/index.ts';
import { activityTimeline } from './activities/activity-timeline.ts';
import { companies } from './companies/companies.tables.ts';
import { companyExport } from './companies/company-export.ts';
import { companyImport } from './companies/company-import.ts';
import { companyDef } from './companies/company-record.ts';
import { contactExport } from './contacts/contact-export.ts';
import { contactImport } from './contacts/contact-import.ts';
import { contactDef } from './contacts/contact-record.ts';
import { contacts } from './contacts/contacts.tables.ts';
import { dealDef } from './deals/deal-record.ts';
import { deals } from './deals/deals.tables.ts';
import { registerImportEntity } from './imports/import-entities.ts';
import { leadExport } from './leads/lead-export.ts';
import { leadImport } from './leads/lead-import.ts';
import { leadDef } from './leads/lead-record.ts';
import { leads } from './leads/leads.tables.ts';
import { pipelineStages, pipelines } from './pipelines/pipelines.tables.ts';
import { taskTimeline } from './tasks/task-timeline.ts';
import { leadVendors } from './vendors/vendors.tables.ts';

/**
 * What the CRM adds to the shared record kit (platform/records): the record kinds activities and tasks link
 * to, the timeline sources, the reference fields its request bodies carry, and its CSV imports and exports. Run once, from index.ts.
 */
export const registerCrmRecords = () => {
  registerRelatedType({ type: 'lead', def: leadDef, view: 'leads.view', key: 'leadId' });
  registerRelatedType({ type: 'contact', def: contactDef, view: 'contacts.view', key: 'contactId' });
  registerRelatedType({ type: 'company', def: companyDef, view: 'companies.view', key: 'companyId' });
  registerRelatedType({ type: 'deal', def: dealDef, view: 'deals.view', key: 'dealId' });
  registerTimelineSource(activityTimeline);
  registerTimelineSource(taskTimeline);
  for (const [field, table] of [
    ['vendorId', leadVendors],
    ['companyId', companies],
    ['contactId', contacts],
    ['pipelineId', pipelines],
    ['stageId', pipelineStages],
    ['leadId', leads],
    ['dealId', deals],
  ] as const)
    registerRecordReference(field, table);
  for (const field of ['ownerId', 'assigneeId']) registerMemberReference(field, activeMemberIds);
  for (const e of [leadExport, contactExport, companyExport]) registerExport(e);
  for (const e of [leadImport, contactImport, companyImport]) registerImportEntity(e);
};
