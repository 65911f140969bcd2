import type { Project, projectCreateInput, projectUpdateInput } from '@tessera/contracts';
import { type AnyColumn, and, eq, exists, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { conflictOn, dbRules, invalidOn } from '../shared/db-rules.ts';
import { hours, resolveMe, toMinutes } from '../shared/people.ts';
import type { WorkRecord } from '../shared/record-service.ts';
import { projects } from './projects.tables.ts';

export type ProjectRow = typeof projects.$inferSelect;

/** Projects; record scope on the manager ("own" = projects I manage). */
export const projectDef: kit.RecordDef = {
  name: 'project',
  label: 'Project',
  table: projects,
  scope: 'projects',
  owner: projects.managerId,
  auditFields: [
    'name',
    'code',
    'status',
    'companyId',
    'contactId',
    'managerId',
    'startDate',
    'endDate',
    'budgetMinutes',
    'budgetCents',
    'currency',
    'billingMode',
    'defaultRateCents',
    'roleRates',
    'description',
    'archivedAt',
  ],
};

export const toProject = (ctx: AuthedContext, r: ProjectRow): Project =>
  redactFields(ctx.auth, {
    ...kit.baseDto(r),
    name: r.name,
    code: r.code,
    status: r.status,
    companyId: r.companyId,
    contactId: r.contactId,
    managerId: r.managerId,
    startDate: r.startDate,
    endDate: r.endDate,
    budgetHours: hours(r.budgetMinutes),
    budgetCents: r.budgetCents,
    currency: r.currency,
    billingMode: r.billingMode,
    defaultRateCents: r.defaultRateCents,
    roleRates: r.roleRates,
    description: r.description,
  }) as Project;

/** Rows of a project (milestones, assignments…) are visible when their project is (its record scope). */
export const throughProject = (ctx: AuthedContext, tenantId: AnyColumn, projectId: AnyColumn) =>
  exists(
    sql`(select 1 from ${projects} where ${and(
      eq(projects.tenantId, tenantId),
      eq(projects.id, projectId),
      kit.scopeWhere(ctx, projectDef),
    )})`,
  );

const nameKey = sql`lower(${projects.name})`;

type Input = z.output<typeof projectCreateInput> | Omit<z.output<typeof projectUpdateInput>, 'version'>;

export const projectRecord: WorkRecord<
  ProjectRow,
  Project,
  z.output<typeof projectCreateInput>,
  z.output<typeof projectUpdateInput>
> = {
  def: projectDef,
  columns: getTableColumns(projects),
  toDto: async (_tx, ctx, rows) => rows.map((r) => toProject(ctx, r)),
  listSpec: (ctx, f) => ({
    table: projects,
    id: projects.id,
    tenantId: projects.tenantId,
    archivedAt: projects.archivedAt,
    searchText: projects.searchText,
    where: [
      kit.scopeWhere(ctx, projectDef),
      f.status ? eq(projects.status, f.status as ProjectRow['status']) : undefined,
      f.companyId ? eq(projects.companyId, f.companyId as string) : undefined,
      f.managerId ? eq(projects.managerId, resolveMe(ctx, f.managerId as string) as string) : undefined,
    ],
    sorts: {
      name: { expr: nameKey, type: 'text' },
      code: { expr: sql`lower(${projects.code})`, type: 'text' },
      startDate: { expr: sql`coalesce(${projects.startDate}, '9999-12-31'::date)`, type: 'date' },
      createdAt: { expr: projects.createdAt, type: 'timestamp' },
    },
  }),
  values: async (tx, ctx, input: Input) => {
    const { budgetHours, ...rest } = input;
    await kit.assertReferences(tx, ctx, {
      companyId: rest.companyId,
      contactId: rest.contactId,
      managerId: rest.managerId,
    });
    return { ...rest, budgetMinutes: toMinutes(budgetHours) };
  },
  rules: dbRules({
    projects_tenant_code_key: conflictOn('There is already a project with this code', 'body.code'),
    projects_end_after_start: invalidOn('The end date is before the start date', 'body.endDate'),
    time_entries_project_fk: conflictOn('This project has booked time; archive it instead'),
    expenses_project_fk: conflictOn('This project has expenses; archive it instead'),
  }),
};
