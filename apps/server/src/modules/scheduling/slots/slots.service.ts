import type { Slot, slotsQuery } from '@tessera/contracts';
import { and, arrayContains, eq, gt, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import type { AgentRow } from '../agents/agent-record.ts';
import { schedulingAgents } from '../agents/agents.tables.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';
import type { AppointmentTypeRow } from '../types/type-record.ts';
import { type BusyRange, type ComputedSlot, computeSlots } from './compute-slots.ts';

const DAY = 86_400_000;

/** A bookable (not archived) appointment type of the tenant, or 404 naming `path`. */
export const bookableType = async (t: Tx, tenantId: string, typeId: string, path = 'type') => {
  const [row] = await t
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.tenantId, tenantId),
        eq(appointmentTypes.id, typeId),
        isNull(appointmentTypes.archivedAt),
      ),
    );
  if (!row) throw notFound('Appointment type', path);
  return row;
};

/** Whether an agent covers a postal code: a prefix matches, or the agent has no territory (covers all). */
export const coversPostalCode = (agent: Pick<AgentRow, 'postalPrefixes'>, postalCode: string | undefined) => {
  if (!postalCode) return true;
  if (agent.postalPrefixes.length === 0) return true;
  const code = postalCode.toUpperCase().replace(/\s+/g, '');
  return agent.postalPrefixes.some((p) => code.startsWith(p.replace(/\s+/g, '')));
};

/** Whether an agent may take appointments of a type (listed, or any agent when none are listed; skills). */
export const takesType = (agent: AgentRow, type: AppointmentTypeRow) =>
  agent.active &&
  !agent.archivedAt &&
  (type.agentIds.length === 0 || type.agentIds.includes(agent.id)) &&
  type.requiredSkills.every((s) => agent.skills.includes(s));

/** Active agents who may take `type`, optionally one of them or those covering a postal code. */
export const candidateAgents = async (
  t: Tx,
  tenantId: string,
  type: AppointmentTypeRow,
  filter: { agentId?: string; postalCode?: string },
): Promise<AgentRow[]> => {
  const rows = await t
    .select()
    .from(schedulingAgents)
    .where(
      and(
        eq(schedulingAgents.tenantId, tenantId),
        eq(schedulingAgents.active, true),
        isNull(schedulingAgents.archivedAt),
        filter.agentId ? eq(schedulingAgents.id, filter.agentId) : undefined,
        type.agentIds.length ? inArray(schedulingAgents.id, type.agentIds) : undefined,
        type.requiredSkills.length ? arrayContains(schedulingAgents.skills, type.requiredSkills) : undefined,
      ),
    )
    .orderBy(schedulingAgents.priority, schedulingAgents.id);
  return rows.filter((a) => coversPostalCode(a, filter.postalCode));
};

/** Active appointments of the agents whose blocked range overlaps [from, to) (all of them: not record-scoped). */
export const busyRanges = async (
  t: Tx,
  tenantId: string,
  agentIds: readonly string[],
  range: { from: number; to: number; exceptId?: string },
): Promise<BusyRange[]> => {
  if (agentIds.length === 0) return [];
  const rows = await t
    .select({ agentId: appointments.agentId, from: appointments.blockedFrom, to: appointments.blockedTo })
    .from(appointments)
    .where(
      and(
        eq(appointments.tenantId, tenantId),
        inArray(appointments.agentId, [...agentIds]),
        inArray(appointments.status, ['scheduled', 'confirmed']),
        gt(appointments.blockedTo, new Date(range.from)),
        lt(appointments.blockedFrom, new Date(range.to)),
        range.exceptId ? ne(appointments.id, range.exceptId) : undefined,
      ),
    );
  return rows.map((r) => ({ agentId: r.agentId, from: r.from.getTime(), to: r.to.getTime() }));
};

/** Free slots of `agents` for `type` in [from, to), computed in each agent's zone. */
export const freeSlotsIn = async (
  t: Tx,
  tenantId: string,
  input: {
    type: AppointmentTypeRow;
    agents: readonly AgentRow[];
    from: number;
    to: number;
    limit: number;
    /** An appointment whose own time counts as free (rescheduling it). */
    exceptId?: string;
    /** The agents' busy ranges when the caller already read them (covering [from − 1 day, to + 1 day)). */
    busy?: readonly BusyRange[];
  },
): Promise<ComputedSlot[]> => {
  const { type, agents, from, to, limit, exceptId } = input;
  const busy =
    input.busy ??
    (await busyRanges(
      t,
      tenantId,
      agents.map((a) => a.id),
      { from: from - DAY, to: to + DAY, exceptId },
    ));
  return computeSlots(
    agents.map((a) => ({ ...a, agentId: a.id })),
    busy,
    type,
    { from, to, now: Date.now() },
    limit,
  );
};

export const toSlot = (s: ComputedSlot): Slot => ({
  agentId: s.agentId,
  startsAt: new Date(s.start).toISOString(),
  endsAt: new Date(s.end).toISOString(),
  timeZone: s.timeZone,
});

/** GET /scheduling/slots: free slots of a type, all candidate agents or one, in UTC with each agent's zone. */
export const listSlots = (ctx: AuthedContext, q: z.output<typeof slotsQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const type = await bookableType(t, ctx.tenantId, q.type);
    const agents = await candidateAgents(t, ctx.tenantId, type, q);
    const slots = await freeSlotsIn(t, ctx.tenantId, {
      type,
      agents,
      from: Date.parse(q.from),
      to: Date.parse(q.to),
      limit: q.limit,
    });
    return slots.map(toSlot);
  });

/** The next few free slots of one agent for a type after `after`, inside a transaction. */
export const nextFreeSlotsIn = async (
  t: Tx,
  tenantId: string,
  input: { typeId: string; agentId: string; after: number },
) => {
  const type = await bookableType(t, tenantId, input.typeId);
  const agents = await candidateAgents(t, tenantId, type, { agentId: input.agentId });
  const slots = await freeSlotsIn(t, tenantId, {
    type,
    agents,
    from: input.after,
    to: input.after + 14 * DAY,
    limit: 5,
  });
  return slots.map(toSlot);
};

/** The next few free slots of one agent for a type after `after` (what a 409 "already booked" offers instead). */
export const nextFreeSlots = (
  ctx: Pick<AuthedContext, 'database' | 'tenantId' | 'userId'>,
  input: { typeId: string; agentId: string; after: number },
) => kit.inTenant(ctx, (t) => nextFreeSlotsIn(t, ctx.tenantId, input));
