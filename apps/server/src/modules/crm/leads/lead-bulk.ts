import { type LeadStatus, leadBulkInput } from '@tessera/contracts';
import * as kit from '../../../platform/records/index.ts';
import { leadChanged } from '../crm-events.ts';
import { changeStatusIn } from './lead-actions.service.ts';
import { type LeadRow, leadDef, toLead } from './lead-record.ts';

/**
 * `POST /leads/bulk`: the shared actions (assign and tag emit the lead's events) plus `status` (the same
 * transitions as the single action; an invalid move fails for that lead only).
 */
export const leadBulk = kit.ownedRecordBulk<LeadRow>({
  entity: 'leads',
  def: leadDef,
  input: leadBulkInput,
  permissions: { update: 'leads.update', delete: 'leads.delete' },
  toDto: toLead,
  changed: (t, ctx) => (change) => leadChanged(t, ctx)(change as { before: LeadRow; after: LeadRow }),
  extra: (t, ctx, input, id) =>
    input.action === 'status'
      ? changeStatusIn(t, ctx, id, input.status as LeadStatus, input.reason as string | undefined)
      : undefined,
});
