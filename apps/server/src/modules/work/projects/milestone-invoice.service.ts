import type { MilestoneInvoiceResult } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { companyParty } from '../../crm/index.ts';
import { createDraftInvoice } from '../../sales/index.ts';
import { type MilestoneRow, milestoneDef, toMilestone } from './milestone-record.ts';
import { type ProjectRow, projectDef } from './project-record.ts';
import { milestones } from './projects.tables.ts';

/**
 * Bills a reached fixed-price milestone: a draft invoice for the project's client with the milestone's amount
 * (one line, the tenant's default tax rate) made by the sales module's public `createDraftInvoice`, and the
 * milestone set `billed` — one transaction. The milestone row is locked first: a concurrent call waits, then
 * finds it billed (409). Not reached, already billed, no amount or no client → 409.
 */
export const invoiceMilestone = (
  ctx: AuthedContext,
  projectId: string,
  milestoneId: string,
): Promise<MilestoneInvoiceResult> =>
  kit.inTenant(ctx, async (tx) => {
    kit.requirePermission(ctx, 'projects.view');
    const project = await kit.findRecord<ProjectRow>(tx, ctx, projectDef, projectId);
    const m = await kit.findRecord<MilestoneRow>(tx, ctx, milestoneDef, milestoneId, true);
    if (m.projectId !== projectId) throw notFound(milestoneDef.label);
    if (m.status === 'billed') throw new AppError('CONFLICT', 'This milestone is billed already');
    if (m.status !== 'reached')
      throw new AppError('CONFLICT', 'Only a reached milestone can be invoiced: mark it reached first');
    if (!m.amountCents)
      throw new AppError('CONFLICT', 'The milestone has no amount to invoice: set one first');
    if (!project.companyId)
      throw new AppError('CONFLICT', 'The project has no client company to invoice: set its client first');
    const client = await companyParty(tx, ctx.tenantId, project.companyId);
    const invoice = await createDraftInvoice(tx, ctx, {
      companyId: project.companyId,
      ...(client?.name.trim() ? { customer: { name: client.name.trim().slice(0, 200) } } : {}),
      contactId: project.contactId,
      currency: project.currency,
      notes: `Milestone of project ${project.name} (${project.code})`,
      lines: [
        {
          description: `${project.name}: ${m.name}`.slice(0, 2000),
          quantity: 1,
          unitPriceCents: m.amountCents,
        },
      ],
    });
    const [after] = await tx
      .update(milestones)
      .set({ status: 'billed', invoiceRef: invoice.id, version: m.version + 1 })
      .where(
        and(eq(milestones.tenantId, ctx.tenantId), eq(milestones.id, m.id), eq(milestones.status, 'reached')),
      )
      .returning();
    if (!after) throw new AppError('CONFLICT', 'This milestone is billed already');
    await writeAudit(tx, ctx, {
      action: 'milestone.invoiced',
      targetType: 'milestone',
      targetId: m.id,
      changes: { status: { from: 'reached', to: 'billed' }, invoiceRef: { from: null, to: invoice.id } },
    });
    return { milestone: toMilestone(ctx, after), invoiceId: invoice.id };
  });
