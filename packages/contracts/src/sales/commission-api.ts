import { z } from 'zod';
import { dateOnly } from '../crm/common.ts';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';

/** The API of commission rules and statements (the calculation itself: `commissions.ts`). */

const rateBp = z.number().int().min(0).max(10_000);
export const commissionTierSchema = z.strictObject({
  fromCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  rateBp,
});

export const commissionRuleSchema = z.object({
  ...recordBase,
  name: z.string(),
  userId: uuid.nullable(),
  roleId: uuid.nullable(),
  categoryId: uuid.nullable(),
  rateBp: z.number().int(),
  tiers: z.array(z.object({ fromCents: z.number().int(), rateBp: z.number().int() })),
  active: z.boolean(),
});
export type CommissionRuleDto = z.infer<typeof commissionRuleSchema>;

const tiers = z
  .array(commissionTierSchema)
  .max(10)
  .refine(
    (list) => list.every((t, i) => i === 0 || t.fromCents > (list[i - 1]?.fromCents ?? -1)),
    'Tiers go up: each starts above the one before',
  );
const ruleFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  rateBp: rateBp.describe('Percentage of the paid net amount, 1/100 of a percent (500 = 5 %)'),
  tiers: tiers.optional().describe('From this period volume on, this rate instead'),
  categoryId: uuid.nullable().optional().describe('Only lines of products of this category'),
  active: z.boolean().optional(),
};
const oneTarget = (v: { userId?: string | null; roleId?: string | null }) =>
  Boolean(v.userId) !== Boolean(v.roleId);
export const commissionRuleCreateInput = z
  .strictObject({
    ...ruleFields,
    userId: uuid.nullable().optional().describe('The rule is for this agent…'),
    roleId: uuid.nullable().optional().describe('…or for every member with this role'),
  })
  .refine(oneTarget, { message: 'Choose either an agent or a role', path: ['userId'] });
export const commissionRuleUpdateInput = z.strictObject({
  ...z.object(ruleFields).partial().shape,
  version,
});
export const commissionRuleListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'createdAt'], 'name'),
});

export const commissionStatementQuery = z
  .strictObject({
    userId: uuid.optional().describe('Whose statement (default: yours; others need commissions.manage)'),
    from: dateOnly.describe('First day (inclusive), by the month the commission changed in'),
    to: dateOnly.describe('Last day (inclusive)'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const commissionStatementLineSchema = z.object({
  id: uuid,
  invoiceId: uuid,
  invoiceNumber: z.string().nullable(),
  ruleId: uuid,
  ruleName: z.string(),
  period: dateOnly,
  baseCents: z.number().int(),
  rateBp: z.number().int(),
  amountCents: z.number().int(),
  reason: z.string(),
  createdAt: isoDateTime,
});
export const commissionStatementSchema = z.object({
  userId: uuid,
  from: dateOnly,
  to: dateOnly,
  lines: z.array(commissionStatementLineSchema),
  totals: z.object({ baseCents: z.number().int(), amountCents: z.number().int() }),
});
export type CommissionStatement = z.infer<typeof commissionStatementSchema>;
