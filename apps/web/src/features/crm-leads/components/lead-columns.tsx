import type { Lead } from '@tessera/contracts';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { LeadStatusBadge } from './lead-status-badge';

/** Column keys are the lead's field names (a saved view stores them as its columns). */
export const LEAD_DEFAULT_COLUMNS = [
  'fullName',
  'companyName',
  'email',
  'status',
  'ownerId',
  'score',
  'estimatedValueCents',
  'createdAt',
];

const muted = (text: string | null | undefined) =>
  text ? text : <span className="text-zinc-400 dark:text-zinc-500">—</span>;

/** Every column the leads grid can show (the column picker chooses which). */
export function leadColumns(
  ownerName: (id: string | null) => string,
  canSeeMoney: boolean,
): GridColumn<Lead>[] {
  return [
    {
      key: 'fullName',
      label: 'Name',
      header: 'Name',
      sortField: 'lastName',
      // One line per lead (names and badges do not wrap), so a screen holds as many rows as it can.
      className: 'whitespace-nowrap',
      cell: (lead) => (
        <Link
          to={`/leads/${lead.id}`}
          className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
        >
          {lead.fullName}
        </Link>
      ),
    },
    {
      key: 'companyName',
      label: 'Company',
      header: 'Company',
      className: 'whitespace-nowrap',
      cell: (lead) => muted(lead.companyName),
    },
    { key: 'email', label: 'Email', header: 'Email', cell: (lead) => muted(lead.email) },
    {
      key: 'phone',
      label: 'Phone',
      header: 'Phone',
      className: 'whitespace-nowrap',
      cell: (lead) => muted(lead.phone),
    },
    {
      key: 'status',
      label: 'Status',
      header: 'Status',
      cell: (lead) => <LeadStatusBadge status={lead.status} />,
    },
    {
      key: 'ownerId',
      label: 'Owner',
      header: 'Owner',
      className: 'whitespace-nowrap',
      cell: (lead) => ownerName(lead.ownerId),
    },
    { key: 'source', label: 'Source', header: 'Source', cell: (lead) => muted(lead.source) },
    {
      key: 'score',
      label: 'Score',
      header: 'Score',
      sortField: 'score',
      className: 'tabular-nums',
      cell: (lead) => lead.score ?? '—',
    },
    {
      key: 'estimatedValueCents',
      label: 'Value',
      header: 'Value',
      sortField: canSeeMoney ? 'estimatedValueCents' : undefined,
      className: 'tabular-nums whitespace-nowrap',
      cell: (lead) => formatMoney(lead.estimatedValueCents, lead.currency),
    },
    { key: 'tags', label: 'Tags', header: 'Tags', cell: (lead) => muted(lead.tags.join(', ')) },
    {
      key: 'createdAt',
      label: 'Created',
      header: 'Created',
      sortField: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (lead) => formatDate(lead.createdAt),
    },
    {
      key: 'updatedAt',
      label: 'Updated',
      header: 'Updated',
      sortField: 'updatedAt',
      className: 'whitespace-nowrap',
      cell: (lead) => formatDate(lead.updatedAt),
    },
  ];
}
