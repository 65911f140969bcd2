import type { Agent, agentCreateInput, agentListQuery, agentUpdateInput } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { activeMemberIds } from '../../identity/index.ts';
import { type AgentRow, agentColumns, agentDef, agentListSpec, toAgent } from './agent-record.ts';

const unique = (list: readonly string[] | undefined) => (list ? [...new Set(list)] : undefined);
const cleanLists = <
  T extends { datesOff?: string[]; postalPrefixes?: string[]; regions?: string[]; skills?: string[] },
>(
  v: T,
): T => ({
  ...v,
  datesOff: unique(v.datesOff),
  postalPrefixes: unique(v.postalPrefixes?.map((p) => p.toUpperCase())),
  regions: unique(v.regions),
  skills: unique(v.skills),
});

const alreadyAgent = () =>
  new AppError('CONFLICT', 'This member is already set up as an agent', {
    details: [{ path: 'userId', message: 'Already an agent' }],
  });

export const listAgents = (ctx: AuthedContext, query: z.output<typeof agentListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<AgentRow>(
      t,
      agentListSpec(filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      agentColumns,
    );
    return { items: rows.map(toAgent), pagination };
  });

export const getAgent = (ctx: AuthedContext, id: string): Promise<Agent> =>
  kit.inTenant(ctx, async (t) => toAgent(await kit.findRecord<AgentRow>(t, ctx, agentDef, id)));

/** Sets a member up as an agent (one agent per member); the member must be active in the tenant. */
export const createAgent = async (
  ctx: AuthedContext,
  input: z.output<typeof agentCreateInput>,
): Promise<Agent> => {
  try {
    return await kit.inTenant(ctx, async (t) => {
      const members = await activeMemberIds(t, ctx.tenantId, [input.userId]);
      if (!members.has(input.userId))
        throw new AppError('NOT_FOUND', 'Member not found', {
          details: [{ path: 'userId', message: 'Not an active member' }],
        });
      return toAgent(await kit.insertRecord<AgentRow>(t, ctx, agentDef, cleanLists(input)));
    });
  } catch (err) {
    if (isUniqueViolation(err, 'scheduling_agents_tenant_user_key')) throw alreadyAgent();
    throw err;
  }
};

export const updateAgent = (ctx: AuthedContext, id: string, input: z.output<typeof agentUpdateInput>) =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    const { after } = await kit.updateRecord<AgentRow>(t, ctx, agentDef, {
      id,
      version,
      patch: cleanLists(patch),
      toDto: toAgent,
    });
    return toAgent(after);
  });

export const archiveAgent = (ctx: AuthedContext, id: string, { archived, version }: kit.ArchiveChange) =>
  kit.inTenant(ctx, async (t) =>
    toAgent(
      (await kit.setArchived<AgentRow>(t, ctx, agentDef, { id, archived, version, toDto: toAgent })).after,
    ),
  );

/** Deletes an agent; one that still has appointments is refused (409: archive it instead). */
export const deleteAgent = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, agentDef, id));
