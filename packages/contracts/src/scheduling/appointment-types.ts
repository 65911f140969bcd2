import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { LOCATION_KINDS, labelList } from './common.ts';

export const slug = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and dashes');

/** A kind of appointment a tenant offers: how long, with which buffers, who may take it, where. */
export const appointmentTypeSchema = z.object({
  ...recordBase,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number().int(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  slotStepMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  maxDaysAhead: z.number().int(),
  locationKind: z.enum(LOCATION_KINDS),
  agentIds: z.array(uuid),
  requiredSkills: z.array(z.string()),
  colour: z.string(),
  publicBooking: z.boolean(),
});
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

const typeFields = {
  name: z.string().trim().min(1, 'Required').max(120),
  slug,
  description: z.string().max(5_000).nullable(),
  durationMinutes: z.number().int().min(5).max(720),
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  bufferAfterMinutes: z.number().int().min(0).max(240),
  /** Distance between offered start times. */
  slotStepMinutes: z.number().int().min(5).max(240),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 60),
  maxDaysAhead: z.number().int().min(1).max(365),
  locationKind: z.enum(LOCATION_KINDS),
  /** Agents who may take it (empty: every active agent with the required skills). */
  agentIds: z.array(uuid).max(500),
  requiredSkills: labelList(20),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #RRGGBB'),
  /** Offered on the public booking page. */
  publicBooking: z.boolean(),
};
const optionalTypeFields = z.object(typeFields).partial().shape;
export const appointmentTypeCreateInput = z.strictObject({
  ...optionalTypeFields,
  name: typeFields.name,
  slug,
  durationMinutes: typeFields.durationMinutes,
});
export type AppointmentTypeCreateInput = z.input<typeof appointmentTypeCreateInput>;
export const appointmentTypeUpdateInput = z.strictObject({ ...optionalTypeFields, version });
export const appointmentTypeListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'createdAt'], 'name'),
});
