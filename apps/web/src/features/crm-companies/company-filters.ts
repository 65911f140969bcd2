import { endOfDay, type FilterSpec, startOfDay } from '../../lib/crm/list-query';

export const COMPANY_DEFAULT_SORT = '-createdAt';

/** Filters of the companies grid (in the URL). */
export function companyFilters(owners: readonly { value: string; label: string }[]): FilterSpec[] {
  return [
    { key: 'ownerId', label: 'Owner', kind: 'select', options: owners },
    { key: 'tag', label: 'Tags', kind: 'text' },
    { key: 'createdFrom', label: 'Created from', kind: 'date', toParam: startOfDay },
    { key: 'createdTo', label: 'Created to', kind: 'date', toParam: endOfDay },
    {
      key: 'archived',
      label: 'Archived',
      kind: 'select',
      options: [
        { value: 'include', label: 'Include archived' },
        { value: 'only', label: 'Only archived' },
      ],
    },
  ];
}
