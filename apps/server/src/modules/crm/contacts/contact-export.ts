import { contactListQuery } from '@tessera/contracts';
import { type ExportDef, RECORD_EXPORT_COLUMNS } from '../../../platform/records/index.ts';
import {
  type ContactRow,
  contactColumns,
  contactDef,
  contactListSpec,
  toContacts,
} from './contact-record.ts';

/** Contacts as CSV: the list's filters and scope, the DTO's fields in this order. */
export const contactExport: ExportDef = {
  entity: 'contacts',
  permission: 'contacts.export',
  def: contactDef,
  query: contactListQuery,
  spec: (ctx, f) => contactListSpec(ctx, f as Parameters<typeof contactListSpec>[1]),
  select: contactColumns,
  columns: [
    'id',
    'firstName',
    'lastName',
    'email',
    'phone',
    'title',
    { key: 'companyId', only: 'keys' },
    { key: 'companyName', label: 'Company' },
    { key: 'ownerId', names: 'member' },
    'tags',
    ...RECORD_EXPORT_COLUMNS,
  ],
  toDtos: (tx, ctx, rows) => toContacts(tx, ctx, rows as ContactRow[]),
};
