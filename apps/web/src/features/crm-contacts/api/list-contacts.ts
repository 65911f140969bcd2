import { contactSchema } from '@tessera/contracts';
import { listInfiniteOptions } from '../../../lib/records/list-page';
import { buildListQuery, type FilterSpec, type ListState } from '../../../lib/records/list-query';
import { v1 } from '../../../lib/endpoints';

export const CONTACTS_QUERY_KEY = ['contacts'] as const;

/** `GET /api/v1/contacts`: keyset pages for the state's filters, sort and search, with the total. */
export function contactsQueryOptions(state: ListState, specs: readonly FilterSpec[]) {
  return listInfiniteOptions(
    [...CONTACTS_QUERY_KEY, 'list', state],
    v1('contacts'),
    contactSchema,
    (cursor) => buildListQuery(state, specs, { cursor, includeTotal: true }),
  );
}
