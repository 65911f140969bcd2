import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { workDate } from './common.ts';

export const utilisationQuery = z
  .strictObject({ from: workDate, to: workDate, userId: uuid.optional() })
  .refine((q) => q.to >= q.from, { message: 'to is before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'At most a year',
    path: ['to'],
  });
export const utilisationRowSchema = z.object({
  userId: uuid,
  name: z.string(),
  hoursPerWeek: z.number(),
  capacityHours: z.number(),
  bookedHours: z.number(),
  billableHours: z.number(),
  /** booked / capacity in percent, one decimal; null when there is no capacity. */
  utilisation: z.number().nullable(),
  billableUtilisation: z.number().nullable(),
});
export type UtilisationRow = z.infer<typeof utilisationRowSchema>;
export const capacityInput = z.strictObject({ hoursPerWeek: z.number().multipleOf(0.25).min(0).max(80) });
export const capacityParams = z.strictObject({ userId: uuid });

export const projectBudgetSchema = z.object({
  projectId: uuid,
  currency: z.string(),
  budgetHours: z.number().nullable(),
  budgetCents: z.number().int().nullable().optional(),
  bookedHours: z.number(),
  approvedHours: z.number(),
  billableHours: z.number(),
  costCents: z.number().int().optional(),
  expensesCents: z.number().int().optional(),
  /** Week by week (Monday): hours booked that week and budget hours left after it. */
  burnDown: z.array(
    z.object({ weekStart: z.string(), hours: z.number(), remainingHours: z.number().nullable() }),
  ),
  /** Booked hours so far plus the hours the assignments still plan until their end. */
  forecastHours: z.number(),
  forecastCents: z.number().int().optional(),
  warnings: z.array(
    z.object({ code: z.literal('over_allocated'), userId: uuid, from: z.string(), percent: z.number() }),
  ),
});
export type ProjectBudget = z.infer<typeof projectBudgetSchema>;
export const projectBudgetQuery = z.strictObject({
  /** The day the forecast counts from (default today): assignments plan hours after it. */
  asOf: workDate.optional(),
});
