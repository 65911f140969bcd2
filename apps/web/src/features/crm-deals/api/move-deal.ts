import { type Deal, dealSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** Where a card goes: an open stage (`/stage`), the won stage (`/won`) or a lost stage (`/lost` + reason). */
export type DealMove =
  | { kind: 'open'; stageId: string }
  | { kind: 'won'; stageId: string }
  | { kind: 'lost'; stageId: string; reason: string };

const dealPath = (id: string, action: string) => v1(`deals/${encodeURIComponent(id)}/${action}`);

/**
 * `POST /api/v1/deals/:id/stage {stageId, version}`, `/won {version}` or `/lost {reason, version}`; a stale
 * version is a 409 CONFLICT.
 */
export function moveDeal(deal: Pick<Deal, 'id' | 'version'>, move: DealMove): Promise<Deal> {
  const { version } = deal;
  if (move.kind === 'won') return api.post(dealPath(deal.id, 'won'), { version }, { schema: dealSchema });
  if (move.kind === 'lost') {
    return api.post(dealPath(deal.id, 'lost'), { reason: move.reason, version }, { schema: dealSchema });
  }
  return api.post(dealPath(deal.id, 'stage'), { stageId: move.stageId, version }, { schema: dealSchema });
}
