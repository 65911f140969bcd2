import type {
  Territory,
  TerritoryCreateInput,
  territoryListQuery,
  territoryUpdateInput,
} from '@tessera/contracts';
import { getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActiveMembers, membersOf, replaceMembers } from '../member-sets.ts';
import { territories } from './canvassing.tables.ts';
import {
  agentSet,
  type TerritoryRow,
  territoryDef,
  territoryListSpec,
  toTerritory,
} from './territory-record.ts';

const duplicateName = (err: unknown): never => {
  if (isUniqueViolation(err, 'territories_tenant_name_key'))
    throw new AppError('CONFLICT', 'There is already a territory with this name', {
      details: [{ path: 'body.name', message: 'Already used' }],
    });
  throw err;
};

const withAgents = async (t: Tx, ctx: AuthedContext, rows: TerritoryRow[]) => {
  const agents = await membersOf(
    t,
    agentSet,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTerritory(r, agents.get(r.id) ?? []));
};
const one = async (t: Tx, ctx: AuthedContext, id: string) =>
  (await withAgents(t, ctx, [await kit.findRecord<TerritoryRow>(t, ctx, territoryDef, id)]))[0] as Territory;

export const listTerritories = (ctx: AuthedContext, query: z.output<typeof territoryListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, agentId } = query;
    const { rows, pagination } = await kit.runList<TerritoryRow>(
      t,
      territoryListSpec(ctx, agentId),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      getTableColumns(territories),
    );
    return { items: await withAgents(t, ctx, rows), pagination };
  });

export const getTerritory = (ctx: AuthedContext, id: string) => kit.inTenant(ctx, (t) => one(t, ctx, id));

export const createTerritory = (ctx: AuthedContext, input: TerritoryCreateInput): Promise<Territory> =>
  kit.inTenant(ctx, async (t) => {
    const { agentIds = [], ...fields } = input;
    await assertActiveMembers(t, ctx.tenantId, 'agentIds', agentIds);
    const row = await kit.insertRecord<TerritoryRow>(t, ctx, territoryDef, fields).catch(duplicateName);
    await replaceMembers(t, agentSet, ctx.tenantId, row.id, agentIds);
    return one(t, ctx, row.id);
  });

export const updateTerritory = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof territoryUpdateInput>,
): Promise<Territory> =>
  kit.inTenant(ctx, async (t) => {
    const { version, agentIds, ...patch } = input;
    if (agentIds) await assertActiveMembers(t, ctx.tenantId, 'agentIds', agentIds);
    await kit
      .updateRecord<TerritoryRow>(t, ctx, territoryDef, {
        id,
        version,
        patch,
        toDto: (r) => toTerritory(r, []),
      })
      .catch(duplicateName);
    if (agentIds) await replaceMembers(t, agentSet, ctx.tenantId, id, agentIds);
    return one(t, ctx, id);
  });

export const archiveTerritory = (ctx: AuthedContext, id: string, change: kit.ArchiveChange) =>
  kit.inTenant(ctx, async (t) => {
    await kit.setArchived<TerritoryRow>(t, ctx, territoryDef, {
      id,
      archived: change.archived,
      version: change.version,
      toDto: (r) => toTerritory(r, []),
    });
    return one(t, ctx, id);
  });

export const deleteTerritory = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, territoryDef, id));
