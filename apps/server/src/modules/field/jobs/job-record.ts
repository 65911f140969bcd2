import type { Job, JobStatusStep } from '@tessera/contracts';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { scopeCondition, scopeFor } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, iso, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import { crewsOfUser } from '../crews/crew-record.ts';
import { type jobStatusHistory, jobs } from './jobs.tables.ts';

export type JobRow = typeof jobs.$inferSelect;

/** The companies a contractor works for (contractor_customers), as a SQL set of company ids. */
const customersOf = (tenantId: string, userId: string) =>
  sql`(select cc.company_id from contractor_customers cc
       where cc.tenant_id = ${tenantId} and cc.contractor_id = ${userId})`;

/**
 * Who sees a job. Scope "all" (dispatchers, managers of the whole company): every job. Otherwise a job is the
 * caller's when they own it, are in its crew (lead or member), or are a contractor linked to its customer
 * company; scope "team" adds the jobs owned by their team mates.
 */
export const jobVisibility = (ctx: AuthedContext): SQL => {
  const scope = scopeFor(ctx.auth, 'jobs');
  if (scope === 'all') return sql`true`;
  const uid = ctx.userId;
  if (!uid) return sql`false`;
  const mine = sql`(${jobs.ownerId} = ${uid} or ${jobs.crewId} in ${crewsOfUser(ctx.tenantId, uid)}
    or ${jobs.companyId} in ${customersOf(ctx.tenantId, uid)})`;
  if (scope === 'own') return mine;
  return sql`(${mine} or ${scopeCondition(ctx.auth, 'jobs', jobs.ownerId) ?? sql`true`})`;
};

export const JOB_AUDIT_FIELDS = [
  'title',
  'type',
  'priority',
  'status',
  'description',
  'companyId',
  'contactId',
  'dealId',
  'customerName',
  'customerPhone',
  'customerEmail',
  'siteAddress',
  'siteLat',
  'siteLng',
  'scheduledStart',
  'scheduledEnd',
  'estimatedMinutes',
  'requiredSkills',
  'crewId',
  'ownerId',
  'checklist',
  'completionNotes',
  'signatureName',
  'pickupAddress',
  'pickupFrom',
  'pickupTo',
  'deliveryAddress',
  'deliveryFrom',
  'deliveryTo',
  'weightKg',
  'volumeM3',
  'reference',
  'archivedAt',
] as const;

export const jobDef: RecordDef = {
  name: 'job',
  label: 'Job',
  table: jobs,
  scope: 'jobs',
  auditFields: JOB_AUDIT_FIELDS,
  restrict: jobVisibility,
};

export const toJob = (r: JobRow): Job => ({
  ...baseDto(r),
  kind: r.kind,
  title: r.title,
  type: r.type,
  priority: r.priority,
  status: r.status,
  description: r.description,
  companyId: r.companyId,
  contactId: r.contactId,
  dealId: r.dealId,
  customerName: r.customerName,
  customerPhone: r.customerPhone,
  customerEmail: r.customerEmail,
  siteAddress: r.siteAddress,
  siteLat: r.siteLat,
  siteLng: r.siteLng,
  scheduledStart: iso(r.scheduledStart),
  scheduledEnd: iso(r.scheduledEnd),
  estimatedMinutes: r.estimatedMinutes,
  requiredSkills: r.requiredSkills,
  crewId: r.crewId,
  ownerId: r.ownerId,
  checklist: r.checklist,
  completionNotes: r.completionNotes,
  signatureName: r.signatureName,
  completedAt: iso(r.completedAt),
  statusChangedAt: r.statusChangedAt.toISOString(),
  pickupAddress: r.pickupAddress,
  pickupFrom: iso(r.pickupFrom),
  pickupTo: iso(r.pickupTo),
  deliveryAddress: r.deliveryAddress,
  deliveryFrom: iso(r.deliveryFrom),
  deliveryTo: iso(r.deliveryTo),
  weightKg: r.weightKg,
  volumeM3: r.volumeM3,
  reference: r.reference,
});

export const toStatusStep = (r: typeof jobStatusHistory.$inferSelect): JobStatusStep => ({
  id: r.id,
  jobId: r.jobId,
  fromStatus: r.fromStatus,
  toStatus: r.toStatus,
  occurredAt: r.occurredAt.toISOString(),
  recordedAt: r.recordedAt.toISOString(),
  actorUserId: r.actorUserId,
  note: r.note,
});

const priorityRank = sql`(case ${jobs.priority} when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`;

export interface JobFilters {
  status?: string[] | undefined;
  priority?: string[] | undefined;
  kind?: string | undefined;
  crewId?: string | undefined;
  skill?: string | undefined;
  companyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const crewFilter = (ctx: AuthedContext, crewId: string | undefined): SQL | undefined => {
  if (crewId === undefined) return undefined;
  if (crewId === 'none') return sql`${jobs.crewId} is null`;
  if (crewId === 'mine')
    return ctx.userId ? sql`${jobs.crewId} in ${crewsOfUser(ctx.tenantId, ctx.userId)}` : sql`false`;
  return sql`${jobs.crewId} = ${crewId}`;
};

export const jobListSpec = (ctx: AuthedContext, f: JobFilters): ListSpec => ({
  table: jobs,
  id: jobs.id,
  tenantId: jobs.tenantId,
  archivedAt: jobs.archivedAt,
  searchText: jobs.searchText,
  where: [
    jobVisibility(ctx),
    f.status?.length ? inArray(jobs.status, f.status as JobRow['status'][]) : undefined,
    f.priority?.length ? inArray(jobs.priority, f.priority as JobRow['priority'][]) : undefined,
    f.kind ? sql`${jobs.kind} = ${f.kind}` : undefined,
    crewFilter(ctx, f.crewId),
    f.skill ? sql`${f.skill} = any(${jobs.requiredSkills})` : undefined,
    f.companyId ? sql`${jobs.companyId} = ${f.companyId}` : undefined,
    // Window filters: jobs whose window meets [from, to).
    f.from ? sql`${jobs.scheduledEnd} > ${f.from}::timestamptz` : undefined,
    f.to ? sql`${jobs.scheduledStart} < ${f.to}::timestamptz` : undefined,
  ],
  sorts: {
    createdAt: { expr: jobs.createdAt, type: 'timestamp' },
    scheduledStart: {
      expr: sql`coalesce(${jobs.scheduledStart}, 'infinity'::timestamptz)`,
      type: 'timestamp',
    },
    priority: { expr: priorityRank, type: 'number' },
    title: { expr: jobs.title, type: 'text' },
  },
});
