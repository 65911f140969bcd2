import type { Milestone, milestoneCreateInput, milestoneUpdateInput } from '@tessera/contracts';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { conflictOn, dbRules } from '../shared/db-rules.ts';
import type { WorkRecord } from '../shared/record-service.ts';
import { throughProject } from './project-record.ts';
import { milestones } from './projects.tables.ts';

export type MilestoneRow = typeof milestones.$inferSelect;

/** A milestone is visible with its project (same record scope, through the project's manager). */
const projectVisible = (ctx: AuthedContext) => throughProject(ctx, milestones.tenantId, milestones.projectId);

export const milestoneDef: kit.RecordDef = {
  name: 'milestone',
  label: 'Milestone',
  table: milestones,
  scope: 'projects',
  auditFields: ['name', 'dueDate', 'amountCents', 'status', 'archivedAt'],
  restrict: projectVisible,
};

export const toMilestone = (ctx: AuthedContext, r: MilestoneRow): Milestone =>
  redactFields(ctx.auth, {
    ...kit.baseDto(r),
    projectId: r.projectId,
    name: r.name,
    dueDate: r.dueDate,
    amountCents: r.amountCents,
    status: r.status,
    invoiceRef: r.invoiceRef,
  }) as Milestone;

const BILLED_BY_INVOICE =
  'A milestone becomes billed only by invoicing it (Invoice on a reached milestone), and stays billed';

/**
 * `billed` is reached only through POST projects/:id/milestones/:milestoneId/invoice: setting it by hand, or
 * changing a billed milestone's status or amount, is a 409 (the database holds billed ⇔ invoice_ref too).
 */
const assertNotBilledByHand = (
  input: { status?: string; amountCents?: number | null },
  before?: MilestoneRow,
) => {
  const wasBilled = before?.status === 'billed';
  if (input.status === 'billed' && !wasBilled)
    throw new AppError('CONFLICT', BILLED_BY_INVOICE, {
      details: [{ path: 'body.status', message: BILLED_BY_INVOICE }],
    });
  if (wasBilled && input.status !== undefined && input.status !== 'billed')
    throw new AppError('CONFLICT', 'The milestone is billed (invoiced): its status stays billed', {
      details: [{ path: 'body.status', message: 'Billed stays billed' }],
    });
  if (wasBilled && input.amountCents !== undefined && input.amountCents !== before.amountCents)
    throw new AppError('CONFLICT', 'The milestone is billed (invoiced): its amount cannot change', {
      details: [{ path: 'body.amountCents', message: 'Billed: the amount is on the invoice' }],
    });
};

export const milestoneRecord: WorkRecord<
  MilestoneRow,
  Milestone,
  z.output<typeof milestoneCreateInput>,
  z.output<typeof milestoneUpdateInput>
> = {
  def: milestoneDef,
  columns: getTableColumns(milestones),
  toDto: async (_tx, ctx, rows) => rows.map((r) => toMilestone(ctx, r)),
  listSpec: (ctx, f) => ({
    table: milestones,
    id: milestones.id,
    tenantId: milestones.tenantId,
    archivedAt: milestones.archivedAt,
    searchText: sql`lower(${milestones.name})` as never,
    where: [projectVisible(ctx), f.projectId ? eq(milestones.projectId, f.projectId as string) : undefined],
    sorts: {
      dueDate: { expr: sql`coalesce(${milestones.dueDate}, '9999-12-31'::date)`, type: 'date' },
      name: { expr: sql`lower(${milestones.name})`, type: 'text' },
    },
  }),
  values: async (tx, ctx, input, before) => {
    assertNotBilledByHand(input, before);
    if ('projectId' in input) await kit.assertReferences(tx, ctx, { projectId: input.projectId });
    return input;
  },
  rules: dbRules({ project_milestones_billed_invoiced: conflictOn(BILLED_BY_INVOICE, 'body.status') }),
};
