import { companySchema } from '@tessera/contracts';
import { listInfiniteOptions } from '../../../lib/records/list-page';
import { buildListQuery, type FilterSpec, type ListState } from '../../../lib/records/list-query';
import { v1 } from '../../../lib/endpoints';

export const COMPANIES_QUERY_KEY = ['companies'] as const;

/** `GET /api/v1/companies`: keyset pages for the state's filters, sort and search, with the total. */
export function companiesQueryOptions(state: ListState, specs: readonly FilterSpec[]) {
  return listInfiniteOptions(
    [...COMPANIES_QUERY_KEY, 'list', state],
    v1('companies'),
    companySchema,
    (cursor) => buildListQuery(state, specs, { cursor, includeTotal: true }),
  );
}
