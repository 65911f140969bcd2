import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { fieldText, latitude, longitude } from './common.ts';

const position = z.tuple([longitude, latitude]);
const ring = z
  .array(position)
  .min(4)
  .max(2000)
  .refine((r) => {
    const [a, b] = [r[0], r.at(-1)];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, 'A ring ends where it starts');
/** GeoJSON Polygon or MultiPolygon (longitude, latitude). */
export const territoryGeometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(20) }),
  z.strictObject({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(ring).min(1).max(20)).min(1).max(50),
  }),
]);
export type TerritoryGeometry = z.infer<typeof territoryGeometry>;

export const territorySchema = z.object({
  ...recordBase,
  name: z.string(),
  description: z.string().nullable(),
  geometry: territoryGeometry.nullable(),
  postalCodes: z.array(z.string()),
  streets: z.array(z.string()),
  agentIds: z.array(uuid),
});
export type Territory = z.infer<typeof territorySchema>;
const territoryFields = {
  name: z.string().trim().min(1, 'Required').max(120),
  description: fieldText(2000),
  geometry: territoryGeometry.nullable().optional(),
  postalCodes: z.array(z.string().trim().min(1).max(20)).max(500).optional(),
  streets: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  agentIds: z.array(uuid).max(50).optional(),
};
export const territoryCreateInput = z.strictObject(territoryFields);
export type TerritoryCreateInput = z.input<typeof territoryCreateInput>;
export const territoryUpdateInput = z.strictObject({
  ...z.object(territoryFields).partial().shape,
  version,
});
export const territoryListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'createdAt'], 'name'),
  agentId: z.union([uuid, z.literal('me')]).optional(),
});

export const VISIT_OUTCOMES = [
  'not_home',
  'not_interested',
  'callback',
  'interested',
  'appointment_set',
  'sale',
] as const;
export const visitOutcome = z.enum(VISIT_OUTCOMES);
export type VisitOutcome = z.infer<typeof visitOutcome>;
/** Outcomes that make (or update) a lead with source `d2d`. */
export const LEAD_OUTCOMES: readonly VisitOutcome[] = ['interested', 'appointment_set', 'sale'];

export const visitSchema = z.object({
  ...recordBase,
  territoryId: uuid.nullable(),
  agentId: uuid.nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  visitedAt: isoDateTime,
  outcome: visitOutcome,
  notes: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  leadId: uuid.nullable(),
  /** The appointment booked at the door (outcome appointment_set), through the scheduling module. */
  appointmentId: uuid.nullable(),
});
export type Visit = z.infer<typeof visitSchema>;
/**
 * An appointment booked at the door for the visit's lead (scheduling module). A slot already taken is a 409
 * with the next free slots, and then nothing is saved — neither the visit nor the lead.
 */
export const visitAppointmentInput = z.strictObject({
  typeId: uuid,
  /** Omitted: the tenant's booking strategy picks the agent. */
  agentId: uuid.optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime.optional(),
  postalCode: z.string().trim().min(1).max(20).optional(),
  notes: fieldText(2000),
});
export type VisitAppointmentInput = z.input<typeof visitAppointmentInput>;
const visitCreateFields = z.strictObject({
  territoryId: uuid.nullable().optional(),
  address: z.string().trim().min(1, 'Required').max(500),
  lat: latitude.nullable().optional(),
  lng: longitude.nullable().optional(),
  visitedAt: isoDateTime.optional(),
  outcome: visitOutcome,
  notes: fieldText(2000),
  contactName: fieldText(200),
  contactPhone: fieldText(50),
  contactEmail: z.email().max(254).nullable().optional(),
  appointment: visitAppointmentInput.optional(),
});
export const visitCreateInput = visitCreateFields.refine(
  (v) => !v.appointment || v.outcome === 'appointment_set',
  { message: 'An appointment goes with the outcome appointment_set', path: ['appointment'] },
);
export type VisitCreateInput = z.input<typeof visitCreateInput>;
export const visitListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['visitedAt'], '-visitedAt'),
  territoryId: uuid.optional(),
  agentId: z.union([uuid, z.literal('me')]).optional(),
  outcome: visitOutcome.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

const isoDay = z.iso.date();
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
/** The longest period the stats answer for (about a quarter). */
export const CANVASS_STATS_MAX_DAYS = 92;
/**
 * Canvassing stats for a period: `from` … `to` (days in the tenant's time zone, both included; both or
 * neither — neither is today), optionally one agent (`me` = the caller) and one territory.
 */
export const canvassStatsQuery = z
  .strictObject({
    from: isoDay.optional(),
    to: isoDay.optional(),
    agentId: z.union([uuid, z.literal('me')]).optional(),
    territoryId: uuid.optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: 'Give both from and to, or neither (today)',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, {
    message: 'The period ends before it starts',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || dayNumber(q.to) - dayNumber(q.from) < CANVASS_STATS_MAX_DAYS, {
    message: `At most ${CANVASS_STATS_MAX_DAYS} days`,
    path: ['to'],
  });
export type CanvassStatsQuery = z.input<typeof canvassStatsQuery>;
const counts = {
  /** Doors knocked: every visit. */
  doors: z.number().int(),
  /** Someone answered: every outcome but not_home. */
  contacts: z.number().int(),
  appointments: z.number().int(),
  sales: z.number().int(),
  /** Distinct d2d leads the visits made or updated. */
  leads: z.number().int(),
};
export const canvassCountsSchema = z.object(counts);
export type CanvassCounts = z.infer<typeof canvassCountsSchema>;
export const canvassAgentDaySchema = z.object({ agentId: uuid, date: isoDay, ...counts });
export type CanvassAgentDay = z.infer<typeof canvassAgentDaySchema>;
export const canvassAgentTotalsSchema = z.object({ agentId: uuid, ...counts });
export type CanvassAgentTotals = z.infer<typeof canvassAgentTotalsSchema>;
/**
 * Per agent per day (only days with visits), per agent over the period, and the period's totals. Leads are
 * distinct per row, so an agent's leads are not always the sum of their days.
 */
export const canvassStatsSchema = z.object({
  from: isoDay,
  to: isoDay,
  timezone: z.string(),
  days: z.array(canvassAgentDaySchema),
  agents: z.array(canvassAgentTotalsSchema),
  totals: canvassCountsSchema,
});
export type CanvassStats = z.infer<typeof canvassStatsSchema>;
