import type { Pipeline } from '@tessera/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { baseDto, type RecordDef } from '../../../platform/records/index.ts';
import { pipelineStages, pipelines } from './pipelines.tables.ts';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type StageKind = StageRow['kind'];

/** Pipelines are tenant configuration: no owner, so no record scope (reading needs deals.view). */
export const pipelineDef: RecordDef = {
  name: 'pipeline',
  label: 'Pipeline',
  table: pipelines,
  scope: 'deals',
  auditFields: ['name', 'isDefault', 'stages'],
};

/** The API shape of a stage row. */
export const toStage = (s: StageRow) => ({
  id: s.id,
  name: s.name,
  position: s.position,
  probability: s.probability,
  kind: s.kind,
});

/** The API shape of a pipeline row. */
export const toPipeline = (p: PipelineRow, stages: readonly StageRow[]): Pipeline => ({
  ...baseDto(p),
  name: p.name,
  isDefault: p.isDefault,
  stages: stages.map(toStage),
});

/** The stages of some pipelines, each list ordered by position. */
export const stagesOf = async (tx: Tx, tenantId: string, pipelineIds: readonly string[]) => {
  const byPipeline = new Map<string, StageRow[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return byPipeline;
  const rows = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.tenantId, tenantId), inArray(pipelineStages.pipelineId, [...pipelineIds])))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position));
  for (const s of rows) byPipeline.get(s.pipelineId)?.push(s);
  return byPipeline;
};

/** A stage of the tenant, or 404 naming the request field it came from. */
export const findStage = async (tx: Tx, tenantId: string, stageId: string, path = 'body.stageId') => {
  const [stage] = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.tenantId, tenantId), eq(pipelineStages.id, stageId)));
  if (!stage) throw notFound('Stage', path);
  return stage;
};

/** A stage must be one of the deal's pipeline's (moving between pipelines is not a stage move). */
export const assertStageInPipeline = (stage: StageRow, pipelineId: string) => {
  if (stage.pipelineId !== pipelineId)
    throw new AppError('VALIDATION_ERROR', 'This stage belongs to another pipeline', {
      details: [{ path: 'body.stageId', message: 'Pick a stage of the deal’s pipeline' }],
    });
};

/** The first stage of a kind in a pipeline (where "won" and "lost" put a deal); none is a 409. */
export const firstStageOfKind = async (tx: Tx, tenantId: string, pipelineId: string, kind: StageKind) => {
  const [stage] = await tx
    .select()
    .from(pipelineStages)
    .where(
      and(
        eq(pipelineStages.tenantId, tenantId),
        eq(pipelineStages.pipelineId, pipelineId),
        eq(pipelineStages.kind, kind),
      ),
    )
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  if (!stage) throw new AppError('CONFLICT', `This pipeline has no ${kind} stage; add one first`);
  return stage;
};

/** What a deal's status and closing fields become in `stage` (won / lost close it, open reopens it). */
export const placementIn = (
  stage: StageRow,
  deal?: { status: StageKind; closedAt: Date | null; lostReason: string | null },
) => ({
  stageId: stage.id,
  status: stage.kind,
  closedAt: stage.kind === 'open' ? null : deal?.status === stage.kind ? deal.closedAt : new Date(),
  lostReason: stage.kind === 'lost' ? (deal?.lostReason ?? null) : null,
});
