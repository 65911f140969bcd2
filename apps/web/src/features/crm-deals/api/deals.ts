import { type Deal, type DealCreateInput, dealSchema, type dealUpdateInput } from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type DealUpdate = ReturnType<typeof dealUpdateInput.parse>;

/** `/api/v1/deals` (lists per pipeline; moves are `move-deal.ts`, the board `get-board.ts`). */
export const dealRecords = createRecordHooks<Deal, DealCreateInput, DealUpdate>({
  path: 'deals',
  schema: dealSchema,
});
