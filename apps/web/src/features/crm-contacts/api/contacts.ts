import {
  type Contact,
  type ContactCreateInput,
  contactSchema,
  type contactUpdateInput,
} from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type ContactUpdate = ReturnType<typeof contactUpdateInput.parse>;

/** `/api/v1/contacts`: list, get, create, update (`contactRecords.useRecord(id)`, `contactRecords.useUpdate()`…). */
export const contactRecords = createRecordHooks<Contact, ContactCreateInput, ContactUpdate>({
  key: ['contacts'],
  path: 'contacts',
  schema: contactSchema,
});
