import type { RecordTypeDefinition } from '../../lib/records/record-types';
import { contactRecords } from './api/contacts';

/** The contact record type, registered by the app (`app/record-types.ts`): timeline API and page route. */
export const contactRecordType: RecordTypeDefinition = {
  type: 'contact',
  apiPath: contactRecords.path,
  route: (id) => `/contacts/${id}`,
  viewPermission: 'contacts.view',
};
