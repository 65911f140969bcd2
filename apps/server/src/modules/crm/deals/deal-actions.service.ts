import type { Deal } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { conflict, findRecord, inTenant, updateRecord } from '../../../platform/records/index.ts';
import { dealChanged } from '../crm-events.ts';
import {
  assertStageInPipeline,
  findStage,
  firstStageOfKind,
  placementIn,
  type StageRow,
} from '../pipelines/pipeline-record.ts';
import { type DealRow, dealDef, toDeal } from './deal-record.ts';

/** The deal, locked, after the optimistic version check (a stale version is a 409 that changes nothing). */
const lockedDeal = async (t: Tx, ctx: AuthedContext, id: string, version?: number) => {
  const deal = await findRecord<DealRow>(t, ctx, dealDef, id, true);
  if (version !== undefined && deal.version !== version) throw conflict(dealDef.label, toDeal(ctx, deal));
  return deal;
};

const moveTo = async (
  t: Tx,
  ctx: AuthedContext,
  deal: DealRow,
  stage: StageRow,
  action: string,
  extra: Partial<DealRow> = {},
) =>
  (
    await updateRecord<DealRow>(t, ctx, dealDef, {
      id: deal.id,
      version: undefined,
      patch: { ...placementIn(stage, deal), ...extra },
      toDto: (r) => toDeal(ctx, r),
      action,
    }).then(dealChanged(t, ctx))
  ).after;

/**
 * The kanban drag: moves a deal to another stage of its pipeline. A won / lost stage closes the deal (status,
 * closedAt), an open one reopens it. Dropping it where it already is changes nothing.
 */
export const moveDealStage = (
  ctx: AuthedContext,
  id: string,
  input: { stageId: string; version?: number },
): Promise<Deal> => inTenant(ctx, async (t) => toDeal(ctx, await moveDealStageIn(t, ctx, id, input)));

/** The stage move inside the caller's transaction (the single action and each bulk id). */
export const moveDealStageIn = async (
  t: Tx,
  ctx: AuthedContext,
  id: string,
  input: { stageId: string; version?: number },
): Promise<DealRow> => {
  const deal = await lockedDeal(t, ctx, id, input.version);
  const stage = await findStage(t, ctx.tenantId, input.stageId);
  assertStageInPipeline(stage, deal.pipelineId);
  if (deal.stageId === stage.id) return deal;
  return moveTo(t, ctx, deal, stage, 'stage_changed');
};

/** Marks a deal won: it moves to its pipeline's (first) won stage. Winning a won deal changes nothing. */
export const winDeal = (ctx: AuthedContext, id: string, input: { version?: number }): Promise<Deal> =>
  inTenant(ctx, async (t) => {
    const deal = await lockedDeal(t, ctx, id, input.version);
    if (deal.status === 'won') return toDeal(ctx, deal);
    const stage = await firstStageOfKind(t, ctx.tenantId, deal.pipelineId, 'won');
    return toDeal(ctx, await moveTo(t, ctx, deal, stage, 'won'));
  });

/** Marks a deal lost with the reason: it moves to its pipeline's (first) lost stage. */
export const loseDeal = (
  ctx: AuthedContext,
  id: string,
  input: { reason: string; version?: number },
): Promise<Deal> =>
  inTenant(ctx, async (t) => {
    const deal = await lockedDeal(t, ctx, id, input.version);
    const stage =
      deal.status === 'lost'
        ? await findStage(t, ctx.tenantId, deal.stageId)
        : await firstStageOfKind(t, ctx.tenantId, deal.pipelineId, 'lost');
    return toDeal(ctx, await moveTo(t, ctx, deal, stage, 'lost', { lostReason: input.reason }));
  });

/**
 * Marks a deal won inside the caller's transaction (another module's use case: sales converting an accepted
 * quote). Needs deals.update; a deal the caller may not see is a 404. Winning a won deal changes nothing.
 */
export const winDealIn = async (t: Tx, ctx: AuthedContext, id: string): Promise<void> => {
  const deal = await lockedDeal(t, ctx, id);
  if (deal.status === 'won') return;
  const stage = await firstStageOfKind(t, ctx.tenantId, deal.pipelineId, 'won');
  await moveTo(t, ctx, deal, stage, 'won');
};
