import type { ContractorCustomer } from '@tessera/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { isUniqueViolation } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActiveMembers } from '../member-sets.ts';
import { contractorCustomers } from './jobs.tables.ts';

type Row = typeof contractorCustomers.$inferSelect;
const toLink = (r: Row): ContractorCustomer => ({
  id: r.id,
  contractorId: r.contractorId,
  companyId: r.companyId,
  createdAt: r.createdAt.toISOString(),
});

/** Which customers (companies) each contractor works for: a contractor sees the jobs of these companies. */
export const listContractorLinks = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (t) =>
    (
      await t
        .select()
        .from(contractorCustomers)
        .where(eq(contractorCustomers.tenantId, ctx.tenantId))
        .orderBy(asc(contractorCustomers.createdAt), asc(contractorCustomers.id))
        .limit(1000)
    ).map(toLink),
  );

export const linkContractor = (ctx: AuthedContext, input: { contractorId: string; companyId: string }) =>
  kit.inTenant(ctx, async (t) => {
    await assertActiveMembers(t, ctx.tenantId, 'contractorId', [input.contractorId]);
    await kit.assertReferences(t, ctx, { companyId: input.companyId });
    const [row] = await t
      .insert(contractorCustomers)
      .values({ id: newId(), tenantId: ctx.tenantId, ...input })
      .returning()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'contractor_customers_key'))
          throw new AppError('CONFLICT', 'This contractor already works for this customer');
        throw err;
      });
    if (!row) throw new Error('insert returned nothing');
    await writeAudit(t, ctx, {
      action: 'contractor_customer.created',
      targetType: 'contractor_customer',
      targetId: row.id,
      changes: {
        contractorId: { from: null, to: row.contractorId },
        companyId: { from: null, to: row.companyId },
      },
    });
    return toLink(row);
  });

export const unlinkContractor = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, async (t) => {
    const [row] = await t
      .delete(contractorCustomers)
      .where(and(eq(contractorCustomers.tenantId, ctx.tenantId), eq(contractorCustomers.id, id)))
      .returning();
    if (!row) throw notFound('Contractor link');
    await writeAudit(t, ctx, {
      action: 'contractor_customer.deleted',
      targetType: 'contractor_customer',
      targetId: id,
      changes: {
        contractorId: { from: row.contractorId, to: null },
        companyId: { from: row.companyId, to: null },
      },
    });
  });
