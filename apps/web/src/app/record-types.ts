import { companyRecordType } from '../features/crm-companies/record-type';
import { contactRecordType } from '../features/crm-contacts/record-type';
import { dealRecordType } from '../features/crm-deals/record-type';
import { leadRecordType } from '../features/crm-leads/record-type';
import { projectRecordType } from '../features/work/record-type';
import { registerRecordTypes } from '../lib/records/record-types';

/**
 * The record types the app knows: each feature defines its own, the app registers them (features do not
 * import each other). Shared record code (task links, timelines) looks them up by type.
 */
registerRecordTypes([
  leadRecordType,
  contactRecordType,
  companyRecordType,
  dealRecordType,
  projectRecordType,
]);
