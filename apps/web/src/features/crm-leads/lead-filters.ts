import { LEAD_STATUSES } from '@tessera/contracts';
import { enumOptions } from '../../lib/records/labels';
import {
  amountToCents,
  centsToAmount,
  endOfDay,
  type FilterSpec,
  isoToLocalDate,
  startOfDay,
} from '../../lib/records/list-query';
import { ARCHIVED_FILTER } from '../../lib/records/record-filters';

export const LEAD_DEFAULT_SORT = '-createdAt';

/**
 * The leads grid's filters (all in the URL): status (several), owner ("me", "none" or a member), source, tag,
 * score and value ranges (value typed in currency units, sent in cents), created range (local days).
 */
export function leadFilters(
  owners: readonly { value: string; label: string }[],
  canSeeMoney: boolean,
): FilterSpec[] {
  return [
    { key: 'status', label: 'Status', kind: 'multi', options: enumOptions(LEAD_STATUSES) },
    {
      key: 'ownerId',
      label: 'Owner',
      kind: 'select',
      options: [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...owners],
    },
    { key: 'source', label: 'Source', kind: 'text' },
    { key: 'tag', label: 'Tags', kind: 'text', chip: (value) => `Tags: ${value}` },
    { key: 'scoreMin', label: 'Score from', kind: 'number', chip: (value) => `Score ≥ ${value}` },
    { key: 'scoreMax', label: 'Score to', kind: 'number', chip: (value) => `Score ≤ ${value}` },
    ...(canSeeMoney
      ? ([
          {
            key: 'valueMin',
            label: 'Value from',
            kind: 'number',
            toParam: amountToCents,
            fromParam: centsToAmount,
            chip: (value) => `Value ≥ ${value}`,
          },
          {
            key: 'valueMax',
            label: 'Value to',
            kind: 'number',
            toParam: amountToCents,
            fromParam: centsToAmount,
            chip: (value) => `Value ≤ ${value}`,
          },
        ] satisfies FilterSpec[])
      : []),
    {
      key: 'createdFrom',
      label: 'Created from',
      kind: 'date',
      toParam: startOfDay,
      fromParam: isoToLocalDate,
      chip: (value) => `Created from ${value}`,
    },
    {
      key: 'createdTo',
      label: 'Created to',
      kind: 'date',
      toParam: endOfDay,
      fromParam: isoToLocalDate,
      chip: (value) => `Created to ${value}`,
    },
    ARCHIVED_FILTER,
  ];
}
