import type { Assignment, assignmentCreateInput, assignmentUpdateInput } from '@tessera/contracts';
import { eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { throughProject } from '../projects/project-record.ts';
import { dbRules, invalidOn } from '../shared/db-rules.ts';
import { hours, resolveMe, toMinutes } from '../shared/people.ts';
import type { WorkRecord } from '../shared/record-service.ts';
import { overAllocationWarnings } from './allocation.ts';
import { assignments } from './assignments.tables.ts';

const bothGiven = invalidOn('Give either allocationPercent or hoursPerWeek', 'body.allocationPercent');

export type AssignmentRow = typeof assignments.$inferSelect;

export const assignmentDef: kit.RecordDef = {
  name: 'assignment',
  label: 'Assignment',
  table: assignments,
  scope: 'projects',
  auditFields: [
    'userId',
    'role',
    'allocationPercent',
    'minutesPerWeek',
    'startDate',
    'endDate',
    'rateCents',
    'archivedAt',
  ],
  restrict: (ctx) => throughProject(ctx, assignments.tenantId, assignments.projectId),
};

type Input = z.output<typeof assignmentCreateInput> | Omit<z.output<typeof assignmentUpdateInput>, 'version'>;

/** Percent or hours per week: giving one clears the other (the table holds exactly one). */
const allocation = (input: Input) => {
  if (input.allocationPercent != null && input.hoursPerWeek != null) throw bothGiven();
  const minutesPerWeek = toMinutes(input.hoursPerWeek);
  if (input.allocationPercent != null)
    return { allocationPercent: input.allocationPercent, minutesPerWeek: null };
  if (minutesPerWeek != null) return { minutesPerWeek, allocationPercent: null };
  return { allocationPercent: input.allocationPercent, minutesPerWeek };
};

export const assignmentRecord: WorkRecord<
  AssignmentRow,
  Assignment,
  z.output<typeof assignmentCreateInput>,
  z.output<typeof assignmentUpdateInput>
> = {
  def: assignmentDef,
  columns: getTableColumns(assignments),
  /** Each assignment carries the over-allocation of its member within its period (a warning, not a refusal). */
  toDto: async (tx, ctx, rows) => {
    const warnings = await overAllocationWarnings(
      tx,
      ctx.tenantId,
      rows.map((r) => ({ userId: r.userId, from: r.startDate, to: r.endDate })),
    );
    return rows.map(
      (r, i) =>
        redactFields(ctx.auth, {
          ...kit.baseDto(r),
          projectId: r.projectId,
          userId: r.userId,
          role: r.role,
          allocationPercent: r.allocationPercent,
          hoursPerWeek: hours(r.minutesPerWeek),
          startDate: r.startDate,
          endDate: r.endDate,
          rateCents: r.rateCents,
          warnings: warnings[i] ? [warnings[i]] : [],
        }) as Assignment,
    );
  },
  listSpec: (ctx, f) => ({
    table: assignments,
    id: assignments.id,
    tenantId: assignments.tenantId,
    archivedAt: assignments.archivedAt,
    where: [
      assignmentDef.restrict?.(ctx),
      f.projectId ? eq(assignments.projectId, f.projectId as string) : undefined,
      f.userId ? eq(assignments.userId, resolveMe(ctx, f.userId as string) as string) : undefined,
    ],
    sorts: { startDate: { expr: assignments.startDate, type: 'date' } },
  }),
  values: async (tx, ctx, input: Input) => {
    const { hoursPerWeek: _h, ...rest } = input;
    await kit.assertReferences(tx, ctx, {
      projectId: 'projectId' in rest ? rest.projectId : undefined,
      userId: 'userId' in rest ? rest.userId : undefined,
    });
    return { ...rest, ...allocation(input) };
  },
  rules: dbRules({
    project_assignments_end_after_start: invalidOn('The end date is before the start date', 'body.endDate'),
    project_assignments_one_allocation: invalidOn(
      'Give either allocationPercent or hoursPerWeek',
      'body.allocationPercent',
    ),
  }),
};
