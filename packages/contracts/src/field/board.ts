import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';
import { jobPriority, jobStatus, skill } from './common.ts';
import { crewSchema } from './crews.ts';

/** The board's window: at most two weeks (a day or a week is what the screen shows). */
export const boardQuery = z
  .strictObject({
    from: isoDateTime,
    to: isoDateTime,
    priority: jobPriority.optional(),
    skill: skill.optional(),
    area: z.string().trim().max(100).optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 15 * 86_400_000, {
    message: 'At most 15 days',
    path: ['to'],
  });
export type BoardQuery = z.infer<typeof boardQuery>;

/** A job as a board block (the fields the board draws and filters on). */
export const boardJobSchema = z.object({
  id: uuid,
  version: z.number().int(),
  kind: z.string(),
  title: z.string(),
  priority: jobPriority,
  status: jobStatus,
  crewId: uuid.nullable(),
  scheduledStart: isoDateTime.nullable(),
  scheduledEnd: isoDateTime.nullable(),
  estimatedMinutes: z.number().int().nullable(),
  requiredSkills: z.array(z.string()),
  siteAddress: z.string().nullable(),
  customerName: z.string().nullable(),
  /** Its window ended and it is not completed or cancelled. */
  late: z.boolean(),
});
export type BoardJob = z.infer<typeof boardJobSchema>;

export const boardSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  crews: z.array(crewSchema),
  /** Crewed jobs whose window meets [from, to). */
  jobs: z.array(boardJobSchema),
  /** Open jobs without a crew (the queue), filtered by priority / skill / area; oldest window first. */
  unassigned: z.array(boardJobSchema),
  unassignedTruncated: z.boolean(),
});
export type Board = z.infer<typeof boardSchema>;

export const contractorCustomerSchema = z.object({
  id: uuid,
  contractorId: uuid,
  companyId: uuid,
  createdAt: isoDateTime,
});
export type ContractorCustomer = z.infer<typeof contractorCustomerSchema>;
export const contractorCustomerInput = z.strictObject({ contractorId: uuid, companyId: uuid });
