import { type Deal, dealSchema } from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/** `/api/v1/deals` (lists per pipeline; moves are `move-deal.ts`, the board `get-board.ts`). */
export const dealRecords = createRecordHooks<Deal>({ path: 'deals', schema: dealSchema });
