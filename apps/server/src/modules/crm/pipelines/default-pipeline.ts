import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { pipelineStages, pipelines } from './pipelines.tables.ts';

export const DEFAULT_STAGES = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Needs analysis', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

/** Every new tenant starts with one sales pipeline (run in the sign-up transaction). */
export const createDefaultPipeline = async (tx: Tx, tenantId: string, createdBy: string | null = null) => {
  const [pipeline] = await tx
    .insert(pipelines)
    .values({ tenantId, name: 'Sales pipeline', isDefault: true, createdBy })
    .returning();
  if (!pipeline) throw new Error('pipeline insert returned nothing');
  await tx
    .insert(pipelineStages)
    .values(
      DEFAULT_STAGES.map((s, position) => ({ tenantId, pipelineId: pipeline.id, position, createdBy, ...s })),
    );
  return pipeline;
};

/** The pipeline to use (given, else the tenant's default) and its first open stage. */
export const pipelineEntry = async (tx: Tx, tenantId: string, pipelineId?: string) => {
  const [pipeline] = await tx
    .select()
    .from(pipelines)
    .where(
      and(
        eq(pipelines.tenantId, tenantId),
        pipelineId ? eq(pipelines.id, pipelineId) : eq(pipelines.isDefault, true),
      ),
    );
  if (!pipeline)
    throw new AppError(
      'NOT_FOUND',
      pipelineId ? 'Pipeline not found' : 'The company has no default pipeline',
      { details: [{ path: 'body.pipelineId', message: 'Not found' }] },
    );
  const [stage] = await tx
    .select()
    .from(pipelineStages)
    .where(
      and(
        eq(pipelineStages.tenantId, tenantId),
        eq(pipelineStages.pipelineId, pipeline.id),
        eq(pipelineStages.kind, 'open'),
      ),
    )
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  if (!stage)
    throw new AppError('CONFLICT', `Pipeline "${pipeline.name}" has no open stage to start a deal in`);
  return { pipeline, stage };
};
