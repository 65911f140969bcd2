import { dealBulkInput } from '@tessera/contracts';
import * as kit from '../../../platform/records/index.ts';
import { dealChanged } from '../crm-events.ts';
import { moveDealStageIn } from './deal-actions.service.ts';
import { type DealRow, dealDef, toDeal } from './deal-record.ts';

/**
 * `POST /deals/bulk`: the shared actions plus `stage` (each deal moves within its own pipeline: a stage of
 * another pipeline fails for that deal; a won / lost stage closes it, like the single move).
 */
export const dealBulk = kit.ownedRecordBulk<DealRow>({
  entity: 'deals',
  def: dealDef,
  input: dealBulkInput,
  permissions: { update: 'deals.update', delete: 'deals.delete' },
  toDto: toDeal,
  changed: (t, ctx) => (change) => dealChanged(t, ctx)(change as { before: DealRow; after: DealRow }),
  extra: (t, ctx, input, id) =>
    input.action === 'stage' ? moveDealStageIn(t, ctx, id, { stageId: input.stageId as string }) : undefined,
});
