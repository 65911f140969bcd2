import type { Deal, Pipeline } from '@tessera/contracts';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { Badge } from '../../../components/ui/badge';
import { formatDate } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { dealRecordType } from '../record-type';

export const DEAL_DEFAULT_COLUMNS = ['title', 'stage', 'amount', 'status', 'owner', 'close'];

/** Columns of the deals list view. */
export function dealColumns(
  pipeline: Pipeline | undefined,
  ownerName: (id: string | null) => string,
  canSeeMoney: boolean,
): GridColumn<Deal>[] {
  const stageName = (id: string) => pipeline?.stages.find((stage) => stage.id === id)?.name ?? '—';
  return [
    {
      key: 'title',
      label: 'Title',
      header: 'Title',
      sortField: 'title',
      cell: (deal) => (
        <Link
          to={dealRecordType.route(deal.id)}
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          {deal.title}
        </Link>
      ),
    },
    { key: 'stage', label: 'Stage', header: 'Stage', cell: (deal) => stageName(deal.stageId) },
    {
      key: 'amount',
      label: 'Amount',
      header: 'Amount',
      sortField: canSeeMoney ? 'amountCents' : undefined,
      className: 'tabular-nums whitespace-nowrap',
      cell: (deal) => formatMoney(deal.amountCents, deal.currency),
    },
    {
      key: 'status',
      label: 'Status',
      header: 'Status',
      cell: (deal) => (
        <Badge tone={deal.status === 'won' ? 'success' : deal.status === 'lost' ? 'danger' : 'info'}>
          {humanize(deal.status)}
        </Badge>
      ),
    },
    { key: 'owner', label: 'Owner', header: 'Owner', cell: (deal) => ownerName(deal.ownerId) },
    {
      key: 'close',
      label: 'Expected close',
      header: 'Expected close',
      sortField: 'expectedCloseDate',
      className: 'whitespace-nowrap',
      cell: (deal) => formatDate(deal.expectedCloseDate),
    },
    {
      key: 'createdAt',
      label: 'Created',
      header: 'Created',
      sortField: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (deal) => formatDate(deal.createdAt),
    },
  ];
}
