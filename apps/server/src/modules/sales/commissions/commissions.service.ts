import type { CommissionStatement, commissionStatementQuery } from '@tessera/contracts';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { referencesNotFound } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { roles } from '../../identity/index.ts';
import { catalogService } from '../catalog/catalog-service.ts';
import { salesDocuments } from '../documents/documents.tables.ts';
import { commissionRuleDef, commissionRuleListSpec, toCommissionRule } from './commission-rule-record.ts';
import { commissionLines, commissionRules } from './commissions.tables.ts';

/** The agent, role and category a rule names must be the tenant's (another tenant's id: 404 naming the field). */
const ruleRefs = async (t: Tx, ctx: AuthedContext, input: Record<string, unknown>) => {
  await kit.assertReferences(t, ctx, {
    userId: input.userId as string | null | undefined,
    categoryId: input.categoryId as string | null | undefined,
  });
  const roleId = input.roleId as string | null | undefined;
  if (roleId && !(await kit.existingIds(t, ctx.tenantId, roles, [roleId])).has(roleId))
    throw referencesNotFound(['roleId']);
  return input;
};

/** Commission rules: the catalog's use cases (list, get, create, update, archive, delete), each audited. */
export const commissionRuleService = catalogService({
  def: commissionRuleDef,
  toDto: () => toCommissionRule as never,
  listSpec: () => commissionRuleListSpec(),
  unique: {},
  prepare: ruleRefs,
});

const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
};

/**
 * An agent's commission lines changed between two dates (UTC days, inclusive) with their invoices and totals.
 * Your own with `commissions.view`; anyone's with `commissions.manage`.
 */
export const commissionStatement = (
  ctx: AuthedContext,
  q: z.output<typeof commissionStatementQuery>,
): Promise<CommissionStatement> => {
  const userId = q.userId ?? ctx.auth.userId;
  if (!userId)
    throw new AppError('VALIDATION_ERROR', 'Name the agent (userId): an API key has no statement of its own');
  if (userId !== ctx.auth.userId) kit.requirePermission(ctx, 'commissions.manage');
  return kit.inTenant(ctx, async (t) => {
    const rows = await t
      .select({
        id: commissionLines.id,
        invoiceId: commissionLines.invoiceId,
        invoiceNumber: salesDocuments.number,
        ruleId: commissionLines.ruleId,
        ruleName: commissionRules.name,
        period: commissionLines.period,
        baseCents: commissionLines.baseCents,
        rateBp: commissionLines.rateBp,
        amountCents: commissionLines.amountCents,
        reason: commissionLines.reason,
        createdAt: commissionLines.createdAt,
      })
      .from(commissionLines)
      .innerJoin(
        commissionRules,
        and(
          eq(commissionRules.tenantId, commissionLines.tenantId),
          eq(commissionRules.id, commissionLines.ruleId),
        ),
      )
      .innerJoin(
        salesDocuments,
        and(
          eq(salesDocuments.tenantId, commissionLines.tenantId),
          eq(salesDocuments.id, commissionLines.invoiceId),
        ),
      )
      .where(
        and(
          eq(commissionLines.tenantId, ctx.tenantId),
          eq(commissionLines.userId, userId),
          gte(commissionLines.createdAt, new Date(`${q.from}T00:00:00Z`)),
          lt(commissionLines.createdAt, dayAfter(q.to)),
        ),
      )
      .orderBy(asc(commissionLines.createdAt), asc(commissionLines.id))
      .limit(10_000);
    const sum = (k: 'baseCents' | 'amountCents') => rows.reduce((a, r) => a + r[k], 0);
    return {
      userId,
      from: q.from,
      to: q.to,
      lines: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      totals: { baseCents: sum('baseCents'), amountCents: sum('amountCents') },
    };
  });
};
