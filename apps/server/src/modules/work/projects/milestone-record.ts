import type { Milestone, milestoneCreateInput, milestoneUpdateInput } from '@tessera/contracts';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
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
  }) as Milestone;

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
  values: async (tx, ctx, input) => {
    if ('projectId' in input) await kit.assertReferences(tx, ctx, { projectId: input.projectId });
    return input;
  },
};
