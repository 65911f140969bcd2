import {
  type Contact,
  type ContactCreateInput,
  contactSchema,
  type contactUpdateInput,
} from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type ContactUpdate = ReturnType<typeof contactUpdateInput.parse>;

/** `/api/v1/contacts` through the record kit: `contactRecords.useRecord(id)`, `.useUpdate()`… */
export const contactRecords = createRecordHooks<Contact, ContactCreateInput, ContactUpdate>({
  path: 'contacts',
  schema: contactSchema,
});
