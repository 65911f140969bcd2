import { type Deal, dealSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { dealRecords } from './deals';

/** Where a card goes: an open stage (`/stage`), the won stage (`/won`) or a lost stage (`/lost` + reason). */
export type DealMove =
  | { kind: 'open'; stageId: string }
  | { kind: 'won'; stageId: string }
  | { kind: 'lost'; stageId: string; reason: string };

/**
 * `POST /api/v1/deals/:id/stage {stageId, version}`, `/won {version}` or `/lost {reason, version}`; a stale
 * version is a 409 CONFLICT.
 */
export function moveDeal(deal: Pick<Deal, 'id' | 'version'>, move: DealMove): Promise<Deal> {
  const { version } = deal;
  const post = (action: string, body: object) =>
    api.post(dealRecords.recordPath(deal.id, action), body, { schema: dealSchema });
  if (move.kind === 'won') return post('won', { version });
  if (move.kind === 'lost') return post('lost', { reason: move.reason, version });
  return post('stage', { stageId: move.stageId, version });
}
