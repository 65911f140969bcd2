import { dealSchema } from '@tessera/contracts';
import { listInfiniteOptions } from '../../../lib/records/list-page';
import { buildListQuery, type FilterSpec, type ListState } from '../../../lib/records/list-query';
import { v1 } from '../../../lib/endpoints';

/** `GET /api/v1/deals?pipelineId=…`: keyset pages for the list view, with the total. */
export function dealsQueryOptions(
  state: ListState,
  specs: readonly FilterSpec[],
  pipelineId: string | undefined,
) {
  return listInfiniteOptions(['deals', 'list', pipelineId, state], v1('deals'), dealSchema, (cursor) => ({
    ...buildListQuery(state, specs, { cursor, includeTotal: true }),
    pipelineId,
  }));
}
