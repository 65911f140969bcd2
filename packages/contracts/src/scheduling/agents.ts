import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { calendarDate, datedRange, labelList, postalPrefix, timeZone, weeklyRange } from './common.ts';

/** A member who takes appointments, with where and when they work. */
export const agentSchema = z.object({
  ...recordBase,
  userId: uuid,
  timeZone: z.string(),
  weeklyHours: z.array(weeklyRange),
  breaks: z.array(weeklyRange),
  datesOff: z.array(z.string()),
  extraDates: z.array(datedRange),
  postalPrefixes: z.array(z.string()),
  regions: z.array(z.string()),
  skills: z.array(z.string()),
  priority: z.number().int(),
  active: z.boolean(),
});
export type Agent = z.infer<typeof agentSchema>;

const agentFields = {
  timeZone,
  /** Working hours per weekday; several ranges per day are fine. */
  weeklyHours: z.array(weeklyRange).max(70),
  /** Recurring breaks inside the working hours (lunch). */
  breaks: z.array(weeklyRange).max(70),
  /** Whole days off (holidays, leave), in the agent's zone. */
  datesOff: z.array(calendarDate).max(400),
  /** Extra working hours on given dates (a Saturday). */
  extraDates: z.array(datedRange).max(200),
  postalPrefixes: z.array(postalPrefix).max(300),
  regions: labelList(50),
  skills: labelList(30),
  /** Order for the "fixed priority" booking strategy: lower goes first. */
  priority: z.number().int().min(0).max(1000),
  active: z.boolean(),
};
export const agentCreateInput = z.strictObject({
  userId: uuid,
  ...z.object(agentFields).partial().shape,
  timeZone,
});
export type AgentCreateInput = z.input<typeof agentCreateInput>;
export const agentUpdateInput = z.strictObject({ ...z.object(agentFields).partial().shape, version });
export const agentListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['createdAt', 'priority'], 'priority'),
  active: z.enum(['true', 'false']).optional(),
  skill: z.string().trim().min(1).max(60).optional(),
});
