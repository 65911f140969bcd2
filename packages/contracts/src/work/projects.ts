import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { cents, currency, listParams, recordBase, sortParam } from '../records.ts';
import {
  BILLING_MODES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  rateCents,
  shortText,
  workDate,
} from './common.ts';

/** Hourly billing rates per assignment role name (`{ "Site manager": 9500 }`). */
const roleRates = z
  .record(z.string().trim().min(1).max(80), rateCents)
  .refine((r) => Object.keys(r).length <= 50, {
    message: 'At most 50 roles',
  });

export const projectSchema = z.object({
  ...recordBase,
  name: z.string(),
  code: z.string(),
  status: z.enum(PROJECT_STATUSES),
  companyId: uuid.nullable(),
  contactId: uuid.nullable(),
  managerId: uuid.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budgetHours: z.number().nullable(),
  budgetCents: z.number().int().nullable().optional(),
  currency: z.string(),
  billingMode: z.enum(BILLING_MODES),
  defaultRateCents: z.number().int().nullable().optional(),
  roleRates: z.record(z.string(), z.number().int()).optional(),
  description: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;
const projectFields = {
  name: shortText,
  code: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(40)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, 'Letters, digits, . _ / -'),
  status: z.enum(PROJECT_STATUSES).optional(),
  companyId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  managerId: uuid.nullable().optional(),
  startDate: workDate.nullable().optional(),
  endDate: workDate.nullable().optional(),
  budgetHours: z.number().multipleOf(0.25).min(0).max(10_000_000).nullable().optional(),
  budgetCents: cents.nullable().optional(),
  currency: currency.optional(),
  billingMode: z.enum(BILLING_MODES).optional(),
  defaultRateCents: rateCents.nullable().optional(),
  roleRates: roleRates.optional(),
  description: z.string().max(20_000).nullable().optional(),
};
export const projectCreateInput = z.strictObject(projectFields);
export type ProjectCreateInput = z.input<typeof projectCreateInput>;
export const projectUpdateInput = z.strictObject({ ...z.object(projectFields).partial().shape, version });
export const projectListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'code', 'startDate', 'createdAt'], 'name'),
  status: z.enum(PROJECT_STATUSES).optional(),
  companyId: uuid.optional(),
  managerId: z.union([uuid, z.literal('me')]).optional(),
});

export const milestoneSchema = z.object({
  ...recordBase,
  projectId: uuid,
  name: z.string(),
  dueDate: z.string().nullable(),
  amountCents: z.number().int().nullable().optional(),
  status: z.enum(MILESTONE_STATUSES),
  /** The draft invoice made for it: set exactly when billed (billed only through POST …/invoice). */
  invoiceRef: z.string().nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;
const milestoneFields = {
  name: shortText,
  dueDate: workDate.nullable().optional(),
  amountCents: cents.nullable().optional(),
  /** `billed` is refused (409): a milestone is billed only by invoicing it. */
  status: z.enum(MILESTONE_STATUSES).optional(),
};
export const milestoneCreateInput = z.strictObject({ projectId: uuid, ...milestoneFields });
export const milestoneUpdateInput = z.strictObject({ ...z.object(milestoneFields).partial().shape, version });
export const milestoneListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['dueDate', 'name'], 'dueDate'),
  projectId: uuid.optional(),
});
