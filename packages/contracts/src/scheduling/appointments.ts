import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { APPOINTMENT_OUTCOMES, APPOINTMENT_STATUSES, LOCATION_KINDS } from './common.ts';

/** A booked time of an agent with a lead or a contact (optionally about a deal). Times are UTC instants. */
export const appointmentSchema = z.object({
  ...recordBase,
  typeId: uuid,
  agentId: uuid,
  /** The agent's user (record scope "own" applies to it). */
  ownerId: uuid.nullable(),
  leadId: uuid.nullable(),
  contactId: uuid.nullable(),
  dealId: uuid.nullable(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** The agent's time blocked, buffers included. */
  blockedFrom: isoDateTime,
  blockedTo: isoDateTime,
  /** The agent's zone at booking time (for showing local times). */
  timeZone: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  locationKind: z.enum(LOCATION_KINDS),
  location: z.string().nullable(),
  outcome: z.enum(APPOINTMENT_OUTCOMES).nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  source: z.enum(['internal', 'public']),
  completedAt: isoDateTime.nullable(),
  /** On a create without `agentId`: which strategy chose the agent, and why. */
  assignment: z.object({ strategy: z.string(), reason: z.string(), candidates: z.number().int() }).optional(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

const location = z.string().trim().max(500).nullable();
const notes = z.string().max(20_000).nullable();

export const appointmentCreateInput = z
  .strictObject({
    typeId: uuid,
    /** Omitted: the tenant's booking strategy picks the agent (territory, skills, load, round-robin). */
    agentId: uuid.optional(),
    /** The customer's postal code, for the territory match when the agent is picked. */
    postalCode: z.string().trim().min(1).max(20).optional(),
    startsAt: isoDateTime,
    /** Defaults to startsAt + the type's duration. */
    endsAt: isoDateTime.optional(),
    leadId: uuid.optional(),
    contactId: uuid.optional(),
    dealId: uuid.optional(),
    location: location.optional(),
    notes: notes.optional(),
  })
  .refine((v) => (v.leadId ? 1 : 0) + (v.contactId ? 1 : 0) === 1, {
    message: 'Give a leadId or a contactId (one of them)',
    path: ['leadId'],
  });
export type AppointmentCreateInput = z.input<typeof appointmentCreateInput>;

/** Reschedule (start/end/agent) or change the place and notes; version → 409 when stale. */
export const appointmentUpdateInput = z.strictObject({
  startsAt: isoDateTime.optional(),
  endsAt: isoDateTime.optional(),
  agentId: uuid.optional(),
  location: location.optional(),
  notes: notes.optional(),
  version,
});
export const appointmentListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['startsAt', 'createdAt'], 'startsAt'),
  status: csvList(z.enum(APPOINTMENT_STATUSES)).optional(),
  agentId: uuid.optional(),
  leadId: uuid.optional(),
  contactId: uuid.optional(),
  /** Appointments that end after `from` and start before `to`. */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export const appointmentStatusInput = z.strictObject({ version: version.optional() });
export const appointmentCancelInput = z.strictObject({
  reason: z.string().trim().max(2_000).optional(),
  version: version.optional(),
});
export const appointmentCompleteInput = z.strictObject({
  outcome: z.enum(APPOINTMENT_OUTCOMES),
  notes: notes.optional(),
  version: version.optional(),
});

/** A free start time: UTC instants plus the agent's zone. */
export const slotSchema = z.object({
  agentId: uuid,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;
export const slotsQuery = z
  .strictObject({
    type: uuid,
    from: isoDateTime,
    to: isoDateTime,
    agentId: uuid.optional(),
    postalCode: z.string().trim().min(1).max(20).optional(),
    limit: z.coerce.number().int().min(1).max(2_000).default(500),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    message: 'At most 62 days at once',
    path: ['to'],
  });
