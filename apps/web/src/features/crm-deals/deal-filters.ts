import { DEAL_STATUSES } from '@tessera/contracts';
import { enumOptions } from '../../lib/records/labels';
import { amountToCents, type FilterSpec } from '../../lib/records/list-query';

export const DEAL_DEFAULT_SORT = '-createdAt';

/** Filters of the deals list (in the URL); amounts typed in currency units, sent in cents. */
export function dealFilters(
  owners: readonly { value: string; label: string }[],
  canSeeMoney: boolean,
): FilterSpec[] {
  return [
    { key: 'status', label: 'Status', kind: 'multi', options: enumOptions(DEAL_STATUSES) },
    {
      key: 'ownerId',
      label: 'Owner',
      kind: 'select',
      options: [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...owners],
    },
    { key: 'tag', label: 'Tags', kind: 'text' },
    ...(canSeeMoney
      ? ([
          { key: 'amountMin', label: 'Amount from', kind: 'number', toParam: amountToCents },
          { key: 'amountMax', label: 'Amount to', kind: 'number', toParam: amountToCents },
        ] satisfies FilterSpec[])
      : []),
    { key: 'closeFrom', label: 'Closing from', kind: 'date' },
    { key: 'closeTo', label: 'Closing to', kind: 'date' },
  ];
}
