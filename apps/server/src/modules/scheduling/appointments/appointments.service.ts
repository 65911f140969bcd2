import type {
  Appointment,
  appointmentCreateInput,
  appointmentListQuery,
  appointmentUpdateInput,
} from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { type AgentRow, agentDef } from '../agents/agent-record.ts';
import { appointmentBooked, appointmentChanged } from '../scheduling-events.ts';
import { settingsIn } from '../settings/settings.service.ts';
import { bookableType, nextFreeSlots } from '../slots/slots.service.ts';
import type { AppointmentTypeRow } from '../types/type-record.ts';
import { type AgentPick, pickAgent } from './agent-picker.ts';
import {
  type AppointmentRow,
  appointmentColumns,
  appointmentDef,
  appointmentListSpec,
  toAppointment,
} from './appointment-record.ts';
import { assertAgentTakes, defaultEnd, isSlotTaken, timing } from './appointment-timing.ts';

/** 409 for a time the agent is already booked (the exclusion constraint said so), with the next free slots. */
const slotTaken = async (ctx: AuthedContext, at: { typeId: string; agentId: string; after: number }) => {
  const nextSlots = await nextFreeSlots(ctx, at).catch(() => []);
  return new AppError('CONFLICT', 'This time is already booked for this agent. Pick another slot.', {
    details: { nextSlots },
  });
};

/** Runs a write; an overlap with another active appointment of the agent becomes the 409 above. */
const noDoubleBooking = async <T>(
  ctx: AuthedContext,
  at: () => { typeId: string; agentId: string; after: number } | undefined,
  fn: () => Promise<T>,
): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    const where = at();
    if (where && isSlotTaken(err)) throw await slotTaken(ctx, where);
    throw err;
  }
};

const agentFor = (t: Tx, ctx: AuthedContext, agentId: string) =>
  kit.findRecord<AgentRow>(t, ctx, agentDef, agentId).catch(() => {
    throw new AppError('NOT_FOUND', 'Agent not found', {
      details: [{ path: 'agentId', message: 'Not found' }],
    });
  });

export const listAppointments = (ctx: AuthedContext, query: z.output<typeof appointmentListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<AppointmentRow>(
      t,
      appointmentListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      appointmentColumns,
    );
    return { items: rows.map(toAppointment), pagination };
  });

export const getAppointment = (ctx: AuthedContext, id: string): Promise<Appointment> =>
  kit.inTenant(ctx, async (t) =>
    toAppointment(await kit.findRecord<AppointmentRow>(t, ctx, appointmentDef, id)),
  );

export type BookInput = z.output<typeof appointmentCreateInput> & { source?: 'internal' | 'public' };
export type Booked = { row: AppointmentRow; assignment?: AgentPick['assignment'] };

/**
 * Books inside the caller's transaction (the public booking page reuses it); picks the agent when none given.
 * `known`: the type row and the agent row the caller already read in this transaction (the public booking
 * page, whose agent is the picker's choice, not the visitor's): not read again.
 */
export const bookIn = async (
  t: Tx,
  ctx: AuthedContext,
  input: BookInput,
  known?: { type: AppointmentTypeRow; agent: AgentRow },
): Promise<Booked> => {
  const type =
    known?.type.id === input.typeId
      ? known.type
      : await bookableType(t, ctx.tenantId, input.typeId, 'typeId');
  await kit.assertReferences(t, ctx, {
    leadId: input.leadId,
    contactId: input.contactId,
    dealId: input.dealId,
  });
  const startsAt = new Date(input.startsAt);
  const endsAt = defaultEnd(type, startsAt, input.endsAt);
  const picked = input.agentId
    ? undefined
    : await pickAgent(t, ctx.tenantId, {
        type,
        start: startsAt.getTime(),
        end: endsAt.getTime(),
        postalCode: input.postalCode,
        settings: await settingsIn(t, ctx.tenantId),
      });
  const agent =
    picked?.agent ??
    (known && known.agent.id === input.agentId
      ? known.agent
      : await agentFor(t, ctx, input.agentId as string));
  assertAgentTakes(agent, type);
  const row = await kit
    .insertRecord<AppointmentRow>(t, ctx, appointmentDef, {
      typeId: type.id,
      agentId: agent.id,
      ownerId: agent.userId,
      leadId: input.leadId ?? null,
      contactId: input.contactId ?? null,
      dealId: input.dealId ?? null,
      ...timing(type, startsAt, endsAt),
      timeZone: agent.timeZone,
      locationKind: type.locationKind,
      location: input.location ?? null,
      notes: input.notes ?? null,
      source: input.source ?? 'internal',
    })
    .then(appointmentBooked(t, ctx));
  return { row, assignment: picked?.assignment };
};

/**
 * Books an appointment; a time the agent is already booked (buffers included) is a 409 with the next free
 * slots. Without `agentId` the tenant's strategy picks the agent and the answer says why (`assignment`).
 */
export const createAppointment = (ctx: AuthedContext, input: BookInput): Promise<Appointment> =>
  noDoubleBooking(
    ctx,
    () =>
      input.agentId
        ? { typeId: input.typeId, agentId: input.agentId, after: Date.parse(input.startsAt) }
        : undefined,
    () =>
      kit.inTenant(ctx, async (t) => {
        const { row, assignment } = await bookIn(t, ctx, input);
        return { ...toAppointment(row), ...(assignment ? { assignment } : {}) };
      }),
  ).catch((err) => {
    if (!input.agentId && isSlotTaken(err))
      throw new AppError('CONFLICT', 'This time was just booked. Pick another slot.', {
        details: { nextSlots: [] },
      });
    throw err;
  });

const ACTIVE = new Set(['scheduled', 'confirmed']);

/** Reschedules (start, end, agent; the length is kept when only the start moves) or changes place and notes. */
export const updateAppointment = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof appointmentUpdateInput>,
): Promise<Appointment> => {
  let where: { typeId: string; agentId: string; after: number } | undefined;
  return noDoubleBooking(
    ctx,
    () => where,
    () =>
      kit.inTenant(ctx, async (t) => {
        const { version, startsAt, endsAt, agentId, ...rest } = input;
        const current = await kit.findRecord<AppointmentRow>(t, ctx, appointmentDef, id, true);
        if (version !== current.version) throw kit.conflict(appointmentDef.label, toAppointment(current));
        const moves = startsAt !== undefined || endsAt !== undefined || agentId !== undefined;
        if (moves && !ACTIVE.has(current.status))
          throw new AppError('CONFLICT', `A ${current.status.replace('_', '-')} appointment cannot be moved`);
        let patch: Record<string, unknown> = { ...rest };
        if (moves) {
          const agent = agentId ? await agentFor(t, ctx, agentId) : undefined;
          if (agent) assertAgentTakes(agent, await bookableType(t, ctx.tenantId, current.typeId, 'typeId'));
          const start = startsAt ? new Date(startsAt) : current.startsAt;
          const length = current.endsAt.getTime() - current.startsAt.getTime();
          const end = endsAt ? new Date(endsAt) : new Date(start.getTime() + length);
          where = { typeId: current.typeId, agentId: agent?.id ?? current.agentId, after: start.getTime() };
          patch = {
            ...patch,
            ...timing(current, start, end),
            ...(agent ? { agentId: agent.id, ownerId: agent.userId, timeZone: agent.timeZone } : {}),
          };
        }
        const { after } = await kit
          .updateRecord<AppointmentRow>(t, ctx, appointmentDef, {
            id,
            version,
            patch,
            toDto: toAppointment,
            action: moves ? 'rescheduled' : 'updated',
          })
          .then(appointmentChanged(t, ctx));
        return toAppointment(after);
      }),
  );
};

export const archiveAppointment = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
) =>
  kit.inTenant(ctx, async (t) =>
    toAppointment(
      (
        await kit.setArchived<AppointmentRow>(t, ctx, appointmentDef, {
          id,
          archived,
          version,
          toDto: toAppointment,
        })
      ).after,
    ),
  );

export const deleteAppointment = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, appointmentDef, id));
