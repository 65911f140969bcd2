import type { Tx } from '../../platform/db/index.ts';
import { type EventOrigin, emit } from '../../platform/events/index.ts';
import type { AppointmentRow } from './appointments/appointment-record.ts';

// The scheduling module's domain events, emitted in the use case's transaction (curried like crm-events.ts).

type Change = { before: AppointmentRow; after: AppointmentRow };

export const appointmentBooked =
  (t: Tx, ctx: EventOrigin) =>
  async (row: AppointmentRow): Promise<AppointmentRow> => {
    await emit(t, ctx, 'appointment.booked', {
      appointmentId: row.id,
      agentId: row.agentId,
      ownerId: row.ownerId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      source: row.source,
    });
    return row;
  };

/** `appointment.rescheduled` when time or agent moved; `.cancelled` / `.completed` when the status became so. */
export const appointmentChanged =
  (t: Tx, ctx: EventOrigin) =>
  async <C extends Change>(change: C): Promise<C> => {
    const { before, after } = change;
    const ids = { appointmentId: after.id, agentId: after.agentId, ownerId: after.ownerId };
    if (
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime() ||
      before.agentId !== after.agentId
    )
      await emit(t, ctx, 'appointment.rescheduled', {
        ...ids,
        startsAt: after.startsAt.toISOString(),
        endsAt: after.endsAt.toISOString(),
      });
    if (before.status !== after.status && after.status === 'cancelled')
      await emit(t, ctx, 'appointment.cancelled', ids);
    if (before.status !== after.status && (after.status === 'completed' || after.status === 'no_show'))
      await emit(t, ctx, 'appointment.completed', { ...ids, status: after.status, outcome: after.outcome });
    return change;
  };
