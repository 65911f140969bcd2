import type { Deal, DealCreateInput, dealListQuery, dealUpdateInput } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { pipelineEntry } from '../pipelines/default-pipeline.ts';
import { assertStageInPipeline, findStage, placementIn } from '../pipelines/pipeline-record.ts';
import { dealParties } from './deal-parties.ts';
import { type DealRow, dealColumns, dealDef, dealListSpec, toDeal } from './deal-record.ts';

type ListQuery = Omit<z.output<typeof dealListQuery>, 'archived'> & Pick<kit.ListRequest, 'archived'>;

/** A page of deals inside an open transaction (the deals list, a company's deals). */
export const listDealsIn = async (t: Tx, ctx: AuthedContext, query: ListQuery) => {
  const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
  const { rows, pagination } = await kit.runList<DealRow>(
    t,
    dealListSpec(ctx, filters, sort),
    ctx.tenantId,
    { limit, cursor, sort, includeTotal, archived, q },
    dealColumns,
  );
  return { items: rows.map((r) => toDeal(ctx, r)), pagination };
};

/** A keyset page of deals the caller may see (filters, sort, q, total on request). */
export const listDeals = (ctx: AuthedContext, query: ListQuery) =>
  kit.inTenant(ctx, (t) => listDealsIn(t, ctx, query));

/** One deal the caller may see, or 404. */
export const getDeal = (ctx: AuthedContext, id: string): Promise<Deal> =>
  kit.inTenant(ctx, async (t) => {
    const deal = await kit.findRecord<DealRow>(t, ctx, dealDef, id);
    const parties = await dealParties(t, ctx, [deal]);
    return { ...toDeal(ctx, deal), parties: parties(deal) };
  });

/**
 * The stage a new deal starts in: the given stage (its pipeline, which must match a given pipelineId), else
 * the first open stage of the given pipeline or of the tenant's default pipeline.
 */
const startStage = async (t: Tx, tenantId: string, pipelineId?: string, stageId?: string) => {
  if (!stageId) return (await pipelineEntry(t, tenantId, pipelineId)).stage;
  const stage = await findStage(t, tenantId, stageId);
  if (pipelineId) assertStageInPipeline(stage, pipelineId);
  return stage;
};

/** Creates a deal in a pipeline stage (a won / lost stage closes it); the owner defaults to its creator. */
export const createDeal = (ctx: AuthedContext, input: DealCreateInput): Promise<Deal> =>
  kit.inTenant(ctx, async (t) => {
    const { pipelineId, stageId, ...fields } = input;
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await kit.assertReferences(t, ctx, {
      ownerId,
      companyId: input.companyId,
      contactId: input.contactId,
      pipelineId,
    });
    const stage = await startStage(t, ctx.tenantId, pipelineId, stageId);
    const row = await kit.insertRecord<DealRow>(t, ctx, dealDef, {
      ...fields,
      ownerId,
      tags: kit.uniqueTags(input.tags) ?? [],
      pipelineId: stage.pipelineId,
      ...placementIn(stage),
    });
    return toDeal(ctx, row);
  });

/** Changes a deal's fields (stage and status move through the stage / won / lost actions). */
export const updateDeal = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof dealUpdateInput>,
): Promise<Deal> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    await kit.assertReferences(t, ctx, {
      ownerId: patch.ownerId,
      companyId: patch.companyId,
      contactId: patch.contactId,
    });
    const { after } = await kit.updateRecord<DealRow>(t, ctx, dealDef, {
      id,
      version,
      patch: { ...patch, tags: kit.uniqueTags(patch.tags) },
      toDto: (r) => toDeal(ctx, r),
    });
    return toDeal(ctx, after);
  });

/** Archives or restores a deal (optionally version-checked); audited. */
export const archiveDeal = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Deal> =>
  kit.inTenant(ctx, async (t) => {
    const { after } = await kit.setArchived<DealRow>(t, ctx, dealDef, {
      id,
      archived,
      version,
      toDto: (r) => toDeal(ctx, r),
    });
    return toDeal(ctx, after);
  });

/** Deletes a deal with its activities and tasks. */
export const deleteDeal = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, dealDef, id));
