import type { FilterSpec, ListState } from '../../../lib/records/list-query';
import { dealRecords } from './deals';

/** `GET /api/v1/deals?pipelineId=…`: keyset pages for the list view, with the total. */
export function dealsQueryOptions(
  state: ListState,
  specs: readonly FilterSpec[],
  pipelineId: string | undefined,
) {
  return dealRecords.listOptions(state, specs, { key: [pipelineId], query: { pipelineId } });
}
