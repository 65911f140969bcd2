import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { fieldText, skill, skills } from './common.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');
/** When a crew works: week days (0 = Sunday) and a daily window in the tenant's local time. */
export const workingHours = z
  .strictObject({
    days: z.array(z.number().int().min(0).max(6)).max(7),
    start: hhmm,
    end: hhmm,
  })
  .refine((w) => w.end > w.start, { message: 'The day must end after it starts', path: ['end'] });
export type WorkingHours = z.infer<typeof workingHours>;
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };

export const crewSchema = z.object({
  ...recordBase,
  name: z.string(),
  leadId: uuid.nullable(),
  memberIds: z.array(uuid),
  skills: z.array(z.string()),
  vehicle: z.string().nullable(),
  workingHours,
});
export type Crew = z.infer<typeof crewSchema>;

const crewFields = {
  name: z.string().trim().min(1, 'Required').max(120),
  leadId: uuid.nullable().optional(),
  memberIds: z.array(uuid).max(50).optional(),
  skills: skills.optional(),
  vehicle: fieldText(120),
  workingHours: workingHours.optional(),
};
export const crewCreateInput = z.strictObject(crewFields);
export type CrewCreateInput = z.input<typeof crewCreateInput>;
export const crewUpdateInput = z.strictObject({ ...z.object(crewFields).partial().shape, version });
export type CrewUpdateInput = z.input<typeof crewUpdateInput>;
export const crewListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'createdAt'], 'name'),
  skill: skill.optional(),
  memberId: z.union([uuid, z.literal('me')]).optional(),
});
