import type { Contact } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { baseDto } from '../shared/dto.ts';
import type { RecordDef } from '../shared/record-ops.ts';
import { contacts } from '../tables.ts';

export type ContactRow = typeof contacts.$inferSelect;

export const contactDef: RecordDef = {
  name: 'contact',
  label: 'Contact',
  table: contacts,
  scope: 'contacts',
  owner: contacts.ownerId,
  auditFields: [
    'firstName',
    'lastName',
    'email',
    'phone',
    'title',
    'companyId',
    'ownerId',
    'tags',
    'archivedAt',
  ],
};

export const toContact = (
  _ctx: AuthedContext,
  r: ContactRow,
  companyName: string | null = null,
): Contact => ({
  ...baseDto(r),
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  phone: r.phone,
  title: r.title,
  companyId: r.companyId,
  companyName,
  ownerId: r.ownerId,
  tags: r.tags,
});
