import type { RecordTypeDefinition } from '../../lib/records/record-types';
import { leadRecords } from './api/leads';

/** The lead record type, registered by the app (`app/record-types.ts`): timeline API and page route. */
export const leadRecordType: RecordTypeDefinition = {
  type: 'lead',
  apiPath: leadRecords.path,
  route: (id) => `/leads/${id}`,
  viewPermission: 'leads.view',
};
