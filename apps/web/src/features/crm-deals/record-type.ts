import type { RecordTypeDefinition } from '../../lib/records/record-types';
import { dealRecords } from './api/deals';

/** The deal record type, registered by the app (`app/record-types.ts`): `/deals/:id`. */
export const dealRecordType: RecordTypeDefinition = {
  type: 'deal',
  apiPath: dealRecords.path,
  route: (id) => `/deals/${encodeURIComponent(id)}`,
  viewPermission: 'deals.view',
};
