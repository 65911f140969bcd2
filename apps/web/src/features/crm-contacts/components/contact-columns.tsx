import type { Contact } from '@tessera/contracts';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { formatDate } from '../../../lib/format';

export const CONTACT_DEFAULT_COLUMNS = ['name', 'title', 'company', 'email', 'phone', 'owner'];

const link =
  'font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400';

/** Every column the contacts grid can show. */
export function contactColumns(ownerName: (id: string | null) => string): GridColumn<Contact>[] {
  return [
    {
      key: 'name',
      label: 'Name',
      header: 'Name',
      sortField: 'lastName',
      cell: (contact) => (
        <Link to={`/contacts/${contact.id}`} className={link}>
          {contact.firstName} {contact.lastName}
        </Link>
      ),
    },
    { key: 'title', label: 'Job title', header: 'Job title', cell: (contact) => contact.title ?? '—' },
    {
      key: 'company',
      label: 'Company',
      header: 'Company',
      cell: (contact) =>
        contact.companyId ? (
          <Link
            to={`/companies/${contact.companyId}`}
            className="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {contact.companyName ?? 'Company'}
          </Link>
        ) : (
          '—'
        ),
    },
    { key: 'email', label: 'Email', header: 'Email', cell: (contact) => contact.email ?? '—' },
    { key: 'phone', label: 'Phone', header: 'Phone', cell: (contact) => contact.phone ?? '—' },
    { key: 'owner', label: 'Owner', header: 'Owner', cell: (contact) => ownerName(contact.ownerId) },
    { key: 'tags', label: 'Tags', header: 'Tags', cell: (contact) => contact.tags.join(', ') || '—' },
    {
      key: 'createdAt',
      label: 'Created',
      header: 'Created',
      sortField: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (contact) => formatDate(contact.createdAt),
    },
  ];
}
