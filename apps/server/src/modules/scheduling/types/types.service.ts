import type {
  AppointmentType,
  appointmentTypeCreateInput,
  appointmentTypeListQuery,
  appointmentTypeUpdateInput,
} from '@tessera/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { schedulingAgents } from '../agents/agents.tables.ts';
import {
  type AppointmentTypeRow,
  toAppointmentType,
  typeColumns,
  typeDef,
  typeListSpec,
} from './type-record.ts';

const slugTaken = () =>
  new AppError('CONFLICT', 'Another appointment type has this slug', {
    details: [{ path: 'slug', message: 'Already used' }],
  });

/** Every listed agent must be an agent of this tenant (another tenant's id: 404, nothing written). */
const assertAgents = async (t: Tx, tenantId: string, agentIds: readonly string[] | undefined) => {
  const wanted = [...new Set(agentIds ?? [])];
  if (wanted.length === 0) return wanted;
  const found = await t
    .select({ id: schedulingAgents.id })
    .from(schedulingAgents)
    .where(and(eq(schedulingAgents.tenantId, tenantId), inArray(schedulingAgents.id, wanted)));
  if (found.length !== wanted.length)
    throw new AppError('NOT_FOUND', 'Agent not found', {
      details: [{ path: 'agentIds', message: 'Not found' }],
    });
  return wanted;
};

const uniqueSlug = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'appointment_types_tenant_slug_key')) throw slugTaken();
    throw err;
  }
};

export const listTypes = (ctx: AuthedContext, query: z.output<typeof appointmentTypeListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { rows, pagination } = await kit.runList<AppointmentTypeRow>(
      t,
      typeListSpec(),
      ctx.tenantId,
      query,
      typeColumns,
    );
    return { items: rows.map(toAppointmentType), pagination };
  });

export const getType = (ctx: AuthedContext, id: string): Promise<AppointmentType> =>
  kit.inTenant(ctx, async (t) =>
    toAppointmentType(await kit.findRecord<AppointmentTypeRow>(t, ctx, typeDef, id)),
  );

export const createType = (ctx: AuthedContext, input: z.output<typeof appointmentTypeCreateInput>) =>
  uniqueSlug(() =>
    kit.inTenant(ctx, async (t) => {
      const agentIds = await assertAgents(t, ctx.tenantId, input.agentIds);
      const requiredSkills = kit.uniqueTags(input.requiredSkills);
      const row = await kit.insertRecord<AppointmentTypeRow>(t, ctx, typeDef, {
        ...input,
        agentIds,
        requiredSkills,
      });
      return toAppointmentType(row);
    }),
  );

export const updateType = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof appointmentTypeUpdateInput>,
) =>
  uniqueSlug(() =>
    kit.inTenant(ctx, async (t) => {
      const { version, ...patch } = input;
      const agentIds = patch.agentIds ? await assertAgents(t, ctx.tenantId, patch.agentIds) : undefined;
      const requiredSkills = kit.uniqueTags(patch.requiredSkills);
      const { after } = await kit.updateRecord<AppointmentTypeRow>(t, ctx, typeDef, {
        id,
        version,
        patch: { ...patch, agentIds, requiredSkills },
        toDto: toAppointmentType,
      });
      return toAppointmentType(after);
    }),
  );

export const archiveType = (ctx: AuthedContext, id: string, { archived, version }: kit.ArchiveChange) =>
  kit.inTenant(ctx, async (t) =>
    toAppointmentType(
      (
        await kit.setArchived<AppointmentTypeRow>(t, ctx, typeDef, {
          id,
          archived,
          version,
          toDto: toAppointmentType,
        })
      ).after,
    ),
  );

export const deleteType = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, typeDef, id));
