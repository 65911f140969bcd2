import { contactBulkInput } from '@tessera/contracts';
import * as kit from '../../../platform/records/index.ts';
import { type ContactRow, contactDef, toContact } from './contact-record.ts';

/** `POST /contacts/bulk`: assign, tag, archive, restore, delete (the record kit's shared actions). */
export const contactBulk = kit.ownedRecordBulk<ContactRow>({
  entity: 'contacts',
  def: contactDef,
  input: contactBulkInput,
  permissions: { update: 'contacts.update', delete: 'contacts.delete' },
  toDto: (ctx, r) => toContact(ctx, r),
});
