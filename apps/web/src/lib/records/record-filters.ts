import { endOfDay, type FilterSpec, startOfDay } from './list-query';

/** Every record list's archived filter: left out by default, included, or only them (`archived=`). */
export const ARCHIVED_FILTER: FilterSpec = {
  key: 'archived',
  label: 'Archived',
  kind: 'select',
  options: [
    { value: 'include', label: 'Include archived' },
    { value: 'only', label: 'Only archived' },
  ],
};

/** Default order of the companies and contacts grids: newest first. */
export const RECORD_DEFAULT_SORT = '-createdAt';

/** Filters shared by the companies and contacts grids (owner, tags, created range, archived), in the URL. */
export function recordFilters(owners: readonly { value: string; label: string }[]): FilterSpec[] {
  return [
    { key: 'ownerId', label: 'Owner', kind: 'select', options: owners },
    { key: 'tag', label: 'Tags', kind: 'text' },
    { key: 'createdFrom', label: 'Created from', kind: 'date', toParam: startOfDay },
    { key: 'createdTo', label: 'Created to', kind: 'date', toParam: endOfDay },
    ARCHIVED_FILTER,
  ];
}
