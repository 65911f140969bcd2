import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { rateCents, workDate } from './common.ts';

/** A member's total allocation across projects above their capacity at some point of a period. */
export const allocationWarningSchema = z.object({
  code: z.literal('over_allocated'),
  userId: uuid,
  /** First day on which the member's allocations add up to more than their capacity. */
  from: z.string(),
  /** Their total allocation that day, in percent of capacity (e.g. 130). */
  percent: z.number(),
});
export type AllocationWarning = z.infer<typeof allocationWarningSchema>;

export const assignmentSchema = z.object({
  ...recordBase,
  projectId: uuid,
  userId: uuid,
  role: z.string().nullable(),
  allocationPercent: z.number().nullable(),
  hoursPerWeek: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  rateCents: z.number().int().nullable().optional(),
  warnings: z.array(allocationWarningSchema),
});
export type Assignment = z.infer<typeof assignmentSchema>;
const assignmentFields = {
  role: z.string().trim().min(1).max(80).nullable().optional(),
  /** Either a percent of the member's capacity or hours per week (exactly one). */
  allocationPercent: z.number().multipleOf(0.5).min(0.5).max(100).nullable().optional(),
  hoursPerWeek: z.number().multipleOf(0.25).min(0.25).max(168).nullable().optional(),
  startDate: workDate,
  endDate: workDate,
  rateCents: rateCents.nullable().optional(),
};
export const assignmentCreateInput = z.strictObject({ projectId: uuid, userId: uuid, ...assignmentFields });
export const assignmentUpdateInput = z.strictObject({
  ...z.object(assignmentFields).partial().shape,
  version,
});
export const assignmentListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['startDate'], 'startDate'),
  projectId: uuid.optional(),
  userId: z.union([uuid, z.literal('me')]).optional(),
});
