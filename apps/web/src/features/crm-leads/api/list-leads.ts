import { leadSchema } from '@tessera/contracts';
import { listInfiniteOptions } from '../../../lib/records/list-page';
import { buildListQuery, type FilterSpec, type ListState } from '../../../lib/records/list-query';
import { v1 } from '../../../lib/endpoints';

export const LEADS_QUERY_KEY = ['leads'] as const;

/** `GET /api/v1/leads`: keyset pages for the state's filters, sort and search, with the total. */
export function leadsQueryOptions(state: ListState, specs: readonly FilterSpec[]) {
  return listInfiniteOptions([...LEADS_QUERY_KEY, 'list', state], v1('leads'), leadSchema, (cursor) =>
    buildListQuery(state, specs, { cursor, includeTotal: true }),
  );
}
