import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { APPOINTMENT_OUTCOMES } from '../scheduling/common.ts';
import { defineEvents } from './define-event.ts';

const id = uuid;
const at = z.iso.datetime({ offset: true });

/** Scheduling events: appointments booked, moved, cancelled and completed (sent live to the agent). */
export const schedulingEvents = defineEvents({
  'appointment.booked': {
    description: 'An appointment was booked (by a member, or on the public booking page: source "public").',
    payload: z.strictObject({
      appointmentId: id,
      agentId: id,
      ownerId: uuid.nullable(),
      startsAt: at,
      endsAt: at,
      source: z.enum(['internal', 'public']),
    }),
  },
  'appointment.rescheduled': {
    description: 'An appointment moved to another time or agent.',
    payload: z.strictObject({
      appointmentId: id,
      agentId: id,
      ownerId: uuid.nullable(),
      startsAt: at,
      endsAt: at,
    }),
  },
  'appointment.cancelled': {
    description: 'An appointment was cancelled (its time is free again).',
    payload: z.strictObject({ appointmentId: id, agentId: id, ownerId: uuid.nullable() }),
  },
  'appointment.completed': {
    description: 'An appointment was held and completed with an outcome (or marked a no-show).',
    payload: z.strictObject({
      appointmentId: id,
      agentId: id,
      ownerId: uuid.nullable(),
      status: z.enum(['completed', 'no_show']),
      outcome: z.enum(APPOINTMENT_OUTCOMES).nullable(),
    }),
  },
});
