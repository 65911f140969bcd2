import type { Lead, LeadCreateInput, LeadUpdateInput, leadListQuery } from '@tessera/contracts';
import type { z } from 'zod';
import { assertMoneyVisible } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { leadChanged, leadCreated } from '../crm-events.ts';
import { type LeadRow, leadColumns, leadDef, leadListSpec, toLead } from './lead-record.ts';

type ListQuery = z.output<typeof leadListQuery>;

export const listLeads = (ctx: AuthedContext, query: ListQuery) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    if (
      sort.replace(/^-/, '') === 'estimatedValueCents' ||
      filters.valueMin !== undefined ||
      filters.valueMax !== undefined
    ) {
      assertMoneyVisible(ctx.auth, 'sort or filter by estimated value');
    }
    const { rows, pagination } = await kit.runList<LeadRow>(
      t,
      leadListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      leadColumns,
    );
    return { items: rows.map((r) => toLead(ctx, r)), pagination };
  });

export const getLead = (ctx: AuthedContext, id: string): Promise<Lead> =>
  kit.inTenant(ctx, async (t) => toLead(ctx, await kit.findRecord<LeadRow>(t, ctx, leadDef, id)));

/** Creates a lead; the owner defaults to its creator. */
export const createLead = (ctx: AuthedContext, input: LeadCreateInput): Promise<Lead> =>
  kit.inTenant(ctx, async (t) => {
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await kit.assertReferences(t, ctx, { ownerId, vendorId: input.vendorId });
    return toLead(
      ctx,
      await kit
        .insertRecord<LeadRow>(t, ctx, leadDef, {
          ...input,
          ownerId,
          tags: [...new Set(input.tags ?? [])],
        })
        .then(leadCreated(t, ctx)),
    );
  });

export const updateLead = (ctx: AuthedContext, id: string, input: LeadUpdateInput): Promise<Lead> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    await kit.assertReferences(t, ctx, { vendorId: patch.vendorId });
    if (patch.tags) patch.tags = [...new Set(patch.tags)];
    const { after } = await kit
      .updateRecord<LeadRow>(t, ctx, leadDef, {
        id,
        version,
        patch,
        toDto: (r) => toLead(ctx, r),
      })
      .then(leadChanged(t, ctx));
    return toLead(ctx, after);
  });

export const archiveLead = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Lead> =>
  kit.inTenant(ctx, async (t) =>
    toLead(
      ctx,
      (
        await kit.setArchived<LeadRow>(t, ctx, leadDef, {
          id,
          archived,
          version,
          toDto: (r) => toLead(ctx, r),
        })
      ).after,
    ),
  );

export const deleteLead = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, leadDef, id));
