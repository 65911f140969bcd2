import type { Company } from '@tessera/contracts';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { formatDate } from '../../../lib/format';

export const COMPANY_DEFAULT_COLUMNS = ['name', 'industry', 'city', 'phone', 'owner', 'createdAt'];

const text = (value: string | null) => value ?? '—';

/** Every column the companies grid can show. */
export function companyColumns(ownerName: (id: string | null) => string): GridColumn<Company>[] {
  return [
    {
      key: 'name',
      label: 'Name',
      header: 'Name',
      sortField: 'name',
      cell: (company) => (
        <Link
          to={`/companies/${company.id}`}
          className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
        >
          {company.name}
        </Link>
      ),
    },
    { key: 'domain', label: 'Domain', header: 'Domain', cell: (company) => text(company.domain) },
    { key: 'industry', label: 'Industry', header: 'Industry', cell: (company) => text(company.industry) },
    { key: 'email', label: 'Email', header: 'Email', cell: (company) => text(company.email) },
    { key: 'phone', label: 'Phone', header: 'Phone', cell: (company) => text(company.phone) },
    { key: 'city', label: 'City', header: 'City', cell: (company) => text(company.city) },
    { key: 'country', label: 'Country', header: 'Country', cell: (company) => text(company.country) },
    { key: 'owner', label: 'Owner', header: 'Owner', cell: (company) => ownerName(company.ownerId) },
    { key: 'tags', label: 'Tags', header: 'Tags', cell: (company) => company.tags.join(', ') || '—' },
    {
      key: 'createdAt',
      label: 'Created',
      header: 'Created',
      sortField: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (company) => formatDate(company.createdAt),
    },
    {
      key: 'updatedAt',
      label: 'Updated',
      header: 'Updated',
      sortField: 'updatedAt',
      className: 'whitespace-nowrap',
      cell: (company) => formatDate(company.updatedAt),
    },
  ];
}
