import { z } from 'zod';
import { jobStatus } from '../field/common.ts';
import { isoDateTime, uuid } from '../primitives.ts';
import { defineEvents } from './define-event.ts';

const id = uuid;
const time = isoDateTime.nullable();

/** Field service events: jobs (work orders and loads) and door-to-door visits. */
export const fieldEvents = defineEvents({
  'job.created': {
    description: 'A job (work order or load) was created.',
    payload: z.strictObject({ jobId: id, crewId: id.nullable(), status: jobStatus }),
  },
  'job.updated': {
    description: 'Fields of a job changed; `changed` names them (values are read from the API).',
    payload: z.strictObject({ jobId: id, version: z.number().int().min(1), changed: z.array(z.string()) }),
  },
  'job.assigned': {
    description:
      'A job got a crew or a new window (or lost its crew); sent to the members of the new crew and the previous one.',
    payload: z.strictObject({
      jobId: id,
      crewId: id.nullable(),
      previousCrewId: id.nullable(),
      scheduledStart: time,
      scheduledEnd: time,
    }),
  },
  'job.status_changed': {
    description: 'A job moved along its status flow; `occurredAt` is when it happened in the field.',
    payload: z.strictObject({ jobId: id, from: jobStatus, to: jobStatus, occurredAt: isoDateTime }),
  },
  'visit.recorded': {
    description:
      'A door-to-door visit was recorded; `leadId` is the lead it created or updated, `appointmentId` the appointment it booked, if any.',
    payload: z.strictObject({
      visitId: id,
      territoryId: id.nullable(),
      agentId: id.nullable(),
      outcome: z.string(),
      leadId: id.nullable(),
      appointmentId: id.nullable(),
    }),
  },
});
