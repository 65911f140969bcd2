import type { RecordTypeDefinition } from '../../lib/records/record-types';
import { companyRecords } from './api/companies';

/** The company record type, registered by the app (`app/record-types.ts`): timeline API and page route. */
export const companyRecordType: RecordTypeDefinition = {
  type: 'company',
  apiPath: companyRecords.path,
  route: (id) => `/companies/${id}`,
  viewPermission: 'companies.view',
};
