import { BOARD_DEALS_PER_STAGE, type PipelineBoard } from '@tessera/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { inTenant } from '../../../platform/records/in-tenant.ts';
import { findRecord, scopeWhere } from '../../../platform/records/record-ops.ts';
import {
  type PipelineRow,
  pipelineDef,
  stagesOf,
  toPipeline,
  toStage,
} from '../pipelines/pipeline-record.ts';
import { type DealRow, dealColumns, dealDef, toDeal } from './deal-record.ts';
import { deals } from './deals.tables.ts';

/**
 * The kanban of a pipeline: every stage in order with the open, unarchived deals the caller may see — the
 * most recently changed first, at most BOARD_DEALS_PER_STAGE per stage (`count` says how many there are).
 * One index range scan per stage (deals_tenant_pipeline_stage_idx) plus one grouped count.
 */
export const pipelineBoard = (ctx: AuthedContext, pipelineId: string): Promise<PipelineBoard> =>
  inTenant(ctx, async (t) => {
    const pipeline = await findRecord<PipelineRow>(t, ctx, pipelineDef, pipelineId);
    const stages = (await stagesOf(t, ctx.tenantId, [pipeline.id])).get(pipeline.id) ?? [];
    const open = and(
      eq(deals.tenantId, ctx.tenantId),
      eq(deals.pipelineId, pipeline.id),
      eq(deals.status, 'open'),
      isNull(deals.archivedAt),
      scopeWhere(ctx, dealDef),
    );
    const totals = new Map(
      (
        await t
          .select({
            stageId: deals.stageId,
            count: sql<number>`count(*)::int`,
            amount: sql<string>`coalesce(sum(${deals.amountCents}), 0)::text`,
          })
          .from(deals)
          .where(open)
          .groupBy(deals.stageId)
      ).map((r) => [r.stageId, r]),
    );
    const columns: PipelineBoard['stages'] = [];
    for (const stage of stages) {
      const rows = (await t
        .select(dealColumns)
        .from(deals)
        .where(and(open, eq(deals.stageId, stage.id)))
        .orderBy(desc(deals.updatedAt), desc(deals.id))
        .limit(BOARD_DEALS_PER_STAGE)) as unknown as DealRow[];
      const total = totals.get(stage.id);
      columns.push(
        redactFields(ctx.auth, {
          ...toStage(stage),
          count: total?.count ?? 0,
          amountCents: Number(total?.amount ?? 0),
          deals: rows.map((r) => toDeal(ctx, r)),
        }) as PipelineBoard['stages'][number],
      );
    }
    return { pipeline: toPipeline(pipeline, stages), stages: columns };
  });
