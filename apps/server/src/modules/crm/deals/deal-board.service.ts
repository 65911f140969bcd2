import {
  BOARD_CLOSED_DEFAULT_DAYS,
  BOARD_DEALS_PER_STAGE,
  type PipelineBoard,
  type PipelineBoardQuery,
} from '@tessera/contracts';
import { and, desc, eq, gte, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { findRecord, inTenant, scopeWhere } from '../../../platform/records/index.ts';
import {
  type PipelineRow,
  pipelineDef,
  stagesOf,
  toPipeline,
  toStage,
} from '../pipelines/pipeline-record.ts';
import { dealParties } from './deal-parties.ts';
import { type DealRow, dealColumns, dealDef, toDeal } from './deal-record.ts';
import { deals } from './deals.tables.ts';

const DAY_MS = 86_400_000;

/** Open deals, and closed ones whose `closedAt` falls in the period (`to` exclusive). */
function openOrClosedIn(from: Date, to: Date | null): SQL | undefined {
  const closed = and(
    ne(deals.status, 'open'),
    gte(deals.closedAt, from),
    to ? lt(deals.closedAt, to) : undefined,
  );
  return or(eq(deals.status, 'open'), closed);
}

/**
 * The kanban of a pipeline: every stage in order with the unarchived deals the caller may see — open ones,
 * and those closed in the period (`closedFrom`, default the last BOARD_CLOSED_DEFAULT_DAYS days, to
 * `closedTo`) — the most recently changed first, at most BOARD_DEALS_PER_STAGE per stage (`count` says how
 * many there are). One index range scan per stage (deals_tenant_pipeline_stage_idx) plus one grouped count.
 */
export const pipelineBoard = (
  ctx: AuthedContext,
  pipelineId: string,
  query: PipelineBoardQuery = {},
): Promise<PipelineBoard> =>
  inTenant(ctx, async (t) => {
    const pipeline = await findRecord<PipelineRow>(t, ctx, pipelineDef, pipelineId);
    const stages = (await stagesOf(t, ctx.tenantId, [pipeline.id])).get(pipeline.id) ?? [];
    const from = query.closedFrom
      ? new Date(query.closedFrom)
      : new Date(Date.now() - BOARD_CLOSED_DEFAULT_DAYS * DAY_MS);
    const to = query.closedTo ? new Date(query.closedTo) : null;
    const shown = and(
      eq(deals.tenantId, ctx.tenantId),
      eq(deals.pipelineId, pipeline.id),
      openOrClosedIn(from, to),
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
          .where(shown)
          .groupBy(deals.stageId)
      ).map((r) => [r.stageId, r]),
    );
    const columns: PipelineBoard['stages'] = [];
    for (const stage of stages) {
      const rows = (await t
        .select(dealColumns)
        .from(deals)
        .where(and(shown, eq(deals.stageId, stage.id)))
        .orderBy(desc(deals.updatedAt), desc(deals.id))
        .limit(BOARD_DEALS_PER_STAGE)) as unknown as DealRow[];
      const parties = await dealParties(t, ctx, rows);
      const total = totals.get(stage.id);
      columns.push(
        redactFields(ctx.auth, {
          ...toStage(stage),
          count: total?.count ?? 0,
          amountCents: Number(total?.amount ?? 0),
          deals: rows.map((r) => ({ ...toDeal(ctx, r), parties: parties(r) })),
        }) as PipelineBoard['stages'][number],
      );
    }
    return {
      pipeline: toPipeline(pipeline, stages),
      closed: { from: from.toISOString(), to: to?.toISOString() ?? null },
      stages: columns,
    };
  });
