import type { Pipeline, pipelineCreateInput, pipelineUpdateInput } from '@tessera/contracts';
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { conflict, deleteRecord, findRecord, inTenant } from '../../../platform/records/index.ts';
import { deals } from '../deals/deals.tables.ts';
import { type PipelineRow, pipelineDef, type StageRow, stagesOf, toPipeline } from './pipeline-record.ts';
import { pipelineStages, pipelines } from './pipelines.tables.ts';

type StageInput = z.output<typeof pipelineCreateInput>['stages'][number];

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });

/** A stage list needs an open stage (new deals start there) and names each kept stage once. */
const checkStages = (stages: readonly StageInput[]) => {
  if (!stages.some((s) => s.kind === 'open'))
    throw invalid('body.stages', 'A pipeline needs at least one open stage for new deals');
  const ids = new Set<string>();
  stages.forEach((s, i) => {
    if (!s.id) return;
    if (ids.has(s.id)) throw invalid(`body.stages.${i}.id`, 'This stage appears twice');
    ids.add(s.id);
  });
};

const withStages = async (t: Tx, tenantId: string, p: PipelineRow) =>
  toPipeline(p, (await stagesOf(t, tenantId, [p.id])).get(p.id) ?? []);

/** "Exactly one default pipeline": making one the default clears (and audits) the previous default. */
const clearOtherDefaults = async (t: Tx, ctx: AuthedContext, keepId: string) => {
  const cleared = await t
    .update(pipelines)
    .set({ isDefault: false, version: sql`${pipelines.version} + 1` })
    .where(and(eq(pipelines.tenantId, ctx.tenantId), eq(pipelines.isDefault, true), ne(pipelines.id, keepId)))
    .returning({ id: pipelines.id });
  for (const { id } of cleared)
    await writeAudit(t, ctx, {
      action: 'pipeline.updated',
      targetType: 'pipeline',
      targetId: id,
      changes: { isDefault: { from: true, to: false } },
    });
};

/** Two people making different pipelines the default at the same moment: the second one gets a 409. */
const defaultRace = (err: unknown) => {
  if (isUniqueViolation(err, 'pipelines_tenant_default_key'))
    throw new AppError(
      'CONFLICT',
      'Another pipeline was made the default at the same time; reload and try again',
    );
  throw err;
};

/** The tenant's pipelines with their stages in order, the default first. */
export const listPipelines = (ctx: AuthedContext): Promise<Pipeline[]> =>
  inTenant(ctx, async (t) => {
    const rows = await t
      .select()
      .from(pipelines)
      .where(eq(pipelines.tenantId, ctx.tenantId))
      .orderBy(desc(pipelines.isDefault), asc(pipelines.name), asc(pipelines.id));
    const stages = await stagesOf(
      t,
      ctx.tenantId,
      rows.map((p) => p.id),
    );
    return rows.map((p) => toPipeline(p, stages.get(p.id) ?? []));
  });

/** One pipeline the caller may see, or 404. */
export const getPipeline = (ctx: AuthedContext, id: string): Promise<Pipeline> =>
  inTenant(ctx, async (t) =>
    withStages(t, ctx.tenantId, await findRecord<PipelineRow>(t, ctx, pipelineDef, id)),
  );

/** Creates a pipeline with its stages (positions follow the list order). */
export const createPipeline = (
  ctx: AuthedContext,
  input: z.output<typeof pipelineCreateInput>,
): Promise<Pipeline> =>
  inTenant(ctx, async (t) => {
    checkStages(input.stages);
    if (input.stages.some((s) => s.id))
      throw invalid('body.stages', 'New stages get their ids from the server; leave "id" out');
    const id = newId();
    if (input.isDefault) await clearOtherDefaults(t, ctx, id);
    const [row] = await t
      .insert(pipelines)
      .values({
        id,
        tenantId: ctx.tenantId,
        createdBy: ctx.userId,
        name: input.name,
        isDefault: input.isDefault ?? false,
      })
      .returning()
      .catch(defaultRace);
    if (!row) throw new Error('pipeline insert returned nothing');
    await t.insert(pipelineStages).values(
      input.stages.map((s, position) => ({
        tenantId: ctx.tenantId,
        createdBy: ctx.userId,
        pipelineId: id,
        name: s.name,
        probability: s.probability,
        kind: s.kind,
        position,
      })),
    );
    const dto = await withStages(t, ctx.tenantId, row);
    await writeAudit(t, ctx, {
      action: 'pipeline.created',
      targetType: 'pipeline',
      targetId: id,
      changes: diffChanges(null, dto, pipelineDef.auditFields as (keyof Pipeline)[]),
    });
    return dto;
  });

/** How many deals (any status, archived too) each stage has, for the stages a change would remove or re-kind. */
const dealCounts = async (t: Tx, tenantId: string, stageIds: readonly string[]) => {
  if (stageIds.length === 0) return new Map<string, number>();
  const rows = await t
    .select({ stageId: deals.stageId, n: count() })
    .from(deals)
    .where(and(eq(deals.tenantId, tenantId), inArray(deals.stageId, [...stageIds])))
    .groupBy(deals.stageId);
  return new Map(rows.map((r) => [r.stageId, Number(r.n)]));
};

const stillUsed = (stage: StageRow, n: number, what: string) =>
  new AppError(
    'CONFLICT',
    `Stage "${stage.name}" still has ${n} deal${n === 1 ? '' : 's'}; move ${n === 1 ? 'it' : 'them'} to another stage before you ${what}`,
    { details: { stageId: stage.id, stage: stage.name, deals: n } },
  );

/**
 * Replaces a pipeline's stages with the given list: stages named by id stay (and keep their deals), new ones
 * are added, missing ones are removed. Removing a stage with deals, or changing the kind of one, is a 409.
 */
const replaceStages = async (
  t: Tx,
  ctx: AuthedContext,
  pipelineId: string,
  current: StageRow[],
  next: StageInput[],
) => {
  const byId = new Map(current.map((s) => [s.id, s]));
  next.forEach((s, i) => {
    if (s.id && !byId.has(s.id))
      throw new AppError('NOT_FOUND', 'Stage not found in this pipeline', {
        details: [{ path: `body.stages.${i}.id`, message: 'Not found' }],
      });
  });
  const kept = new Set(next.flatMap((s) => (s.id ? [s.id] : [])));
  const removed = current.filter((s) => !kept.has(s.id));
  const rekinded = next.flatMap((s) => {
    const old = s.id ? byId.get(s.id) : undefined;
    return old && old.kind !== s.kind ? [old] : [];
  });
  const counts = await dealCounts(
    t,
    ctx.tenantId,
    [...removed, ...rekinded].map((s) => s.id),
  );
  for (const s of removed) if (counts.get(s.id)) throw stillUsed(s, counts.get(s.id) ?? 0, 'remove it');
  for (const s of rekinded)
    if (counts.get(s.id)) throw stillUsed(s, counts.get(s.id) ?? 0, 'change its kind');

  if (removed.length > 0)
    await t.delete(pipelineStages).where(
      and(
        eq(pipelineStages.tenantId, ctx.tenantId),
        inArray(
          pipelineStages.id,
          removed.map((s) => s.id),
        ),
      ),
    );
  for (const [position, s] of next.entries()) {
    const old = s.id ? byId.get(s.id) : undefined;
    const values = { name: s.name, probability: s.probability, kind: s.kind, position };
    if (!old) {
      await t
        .insert(pipelineStages)
        .values({ ...values, tenantId: ctx.tenantId, createdBy: ctx.userId, pipelineId });
    } else if (
      old.name !== s.name ||
      old.probability !== s.probability ||
      old.kind !== s.kind ||
      old.position !== position
    ) {
      await t
        .update(pipelineStages)
        .set({ ...values, version: sql`${pipelineStages.version} + 1` })
        .where(and(eq(pipelineStages.tenantId, ctx.tenantId), eq(pipelineStages.id, old.id)));
    }
  }
};

/** Renames a pipeline, makes it the default, and/or replaces its stages; version-checked and audited. */
export const updatePipeline = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof pipelineUpdateInput>,
): Promise<Pipeline> =>
  inTenant(ctx, async (t) => {
    const row = await findRecord<PipelineRow>(t, ctx, pipelineDef, id, true);
    const before = await withStages(t, ctx.tenantId, row);
    if (row.version !== input.version) throw conflict(pipelineDef.label, before);
    if (input.isDefault === false && row.isDefault)
      throw invalid('body.isDefault', 'Make another pipeline the default instead; there is always one');
    if (input.stages) {
      checkStages(input.stages);
      const current = (await stagesOf(t, ctx.tenantId, [id])).get(id) ?? [];
      await replaceStages(t, ctx, id, current, input.stages);
    }
    if (input.isDefault && !row.isDefault) await clearOtherDefaults(t, ctx, id);
    const [updated] = await t
      .update(pipelines)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
        version: sql`${pipelines.version} + 1`,
      })
      .where(and(eq(pipelines.tenantId, ctx.tenantId), eq(pipelines.id, id)))
      .returning()
      .catch(defaultRace);
    if (!updated) throw new Error('pipeline update returned nothing');
    const after = await withStages(t, ctx.tenantId, updated);
    await writeAudit(t, ctx, {
      action: 'pipeline.updated',
      targetType: 'pipeline',
      targetId: id,
      changes: diffChanges(before, after, pipelineDef.auditFields as (keyof Pipeline)[]),
    });
    return after;
  });

/** Deletes a pipeline and its stages; the default pipeline, or one that still has deals, is a 409. */
export const deletePipeline = (ctx: AuthedContext, id: string) =>
  inTenant(ctx, async (t) => {
    const row = await findRecord<PipelineRow>(t, ctx, pipelineDef, id, true);
    if (row.isDefault)
      throw new AppError('CONFLICT', 'This is the default pipeline; make another one the default first');
    const [used] = await t
      .select({ n: count() })
      .from(deals)
      .where(and(eq(deals.tenantId, ctx.tenantId), eq(deals.pipelineId, id)));
    const n = Number(used?.n ?? 0);
    if (n > 0)
      throw new AppError(
        'CONFLICT',
        `This pipeline still has ${n} deal${n === 1 ? '' : 's'}; it cannot be deleted`,
        {
          details: { deals: n },
        },
      );
    await deleteRecord(t, ctx, pipelineDef, id);
  });
