import type { Appointment } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { nextFreeSlotsIn } from '../slots/slots.service.ts';
import { toAppointment } from './appointment-record.ts';
import { isSlotTaken } from './appointment-timing.ts';
import { bookIn } from './appointments.service.ts';

export interface LeadAppointmentInput {
  leadId: string;
  typeId: string;
  /** Omitted: the tenant's booking strategy picks the agent. */
  agentId?: string;
  startsAt: string;
  endsAt?: string;
  postalCode?: string;
  location?: string | null;
  notes?: string | null;
}

/**
 * Public API for other modules (the d2d visit): books an appointment for a lead inside the caller's
 * transaction. Needs `appointments.manage`; the type, agent and lead rules are those of
 * `POST /scheduling/appointments`. The insert runs in a savepoint, so a time the agent is already booked
 * becomes a 409 CONFLICT with the agent's next free slots (`details.nextSlots`) — the caller's transaction is
 * still usable, and rolls back whatever it wrote when it lets the error through.
 */
export const bookLeadAppointmentIn = async (
  t: Tx,
  ctx: AuthedContext,
  input: LeadAppointmentInput,
): Promise<Appointment> => {
  kit.requirePermission(ctx, 'appointments.manage');
  try {
    const { row } = await t.transaction((sp) => bookIn(sp as unknown as Tx, ctx, input));
    return toAppointment(row);
  } catch (err) {
    if (!isSlotTaken(err)) throw err;
    const nextSlots = input.agentId
      ? await nextFreeSlotsIn(t, ctx.tenantId, {
          typeId: input.typeId,
          agentId: input.agentId,
          after: Date.parse(input.startsAt),
        })
      : [];
    throw new AppError('CONFLICT', 'This time is already booked. Pick another slot.', {
      details: { nextSlots },
    });
  }
};
