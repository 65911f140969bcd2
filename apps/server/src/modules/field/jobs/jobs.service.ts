import type { Job, JobCreateInput, JobStatusStep, JobUpdateInput, jobListQuery } from '@tessera/contracts';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActiveMembers } from '../member-sets.ts';
import { jobChanged, jobCreated } from './job-events.ts';
import { type JobRow, jobDef, jobListSpec, toJob, toStatusStep } from './job-record.ts';
import { guardedWrite, recordStep, visibleAfter } from './job-writes.ts';
import { jobStatusHistory, jobs } from './jobs.tables.ts';

const date = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);
const TIME_FIELDS = [
  'scheduledStart',
  'scheduledEnd',
  'pickupFrom',
  'pickupTo',
  'deliveryFrom',
  'deliveryTo',
] as const;
/** Contract values → column values (times as dates, checklist items with their done flag). */
const columnsOf = (input: Partial<JobCreateInput>) => {
  const out: Record<string, unknown> = { ...input };
  for (const f of TIME_FIELDS) if (f in input) out[f] = date(input[f]);
  if (input.checklist)
    out.checklist = input.checklist.map((i) => ({ label: i.label, done: i.done ?? false }));
  if (input.requiredSkills) out.requiredSkills = [...new Set(input.requiredSkills)];
  return out;
};

const badWindow = (start: Date | null | undefined, end: Date | null | undefined) => {
  if ((start == null) !== (end == null) || (start && end && end <= start))
    throw new AppError('VALIDATION_ERROR', 'A window needs a start and a later end', {
      details: [{ path: 'body.scheduledEnd', message: 'Must be after scheduledStart' }],
    });
};

export const listJobs = (ctx: AuthedContext, query: z.output<typeof jobListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<JobRow>(
      t,
      jobListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      getTableColumns(jobs),
    );
    return { items: rows.map(toJob), pagination };
  });

export const getJob = (ctx: AuthedContext, id: string): Promise<Job> =>
  kit.inTenant(ctx, async (t) => toJob(await kit.findRecord<JobRow>(t, ctx, jobDef, id)));

/** Creates a job (standalone, or for a company / contact / deal the caller may see); a crew needs jobs.dispatch. */
export const createJob = (ctx: AuthedContext, input: JobCreateInput): Promise<Job> =>
  kit.inTenant(ctx, async (t) => {
    if (input.crewId) kit.requirePermission(ctx, 'jobs.dispatch');
    const values = columnsOf(input);
    badWindow(values.scheduledStart as Date | null, values.scheduledEnd as Date | null);
    if (input.crewId && !values.scheduledStart)
      throw new AppError('VALIDATION_ERROR', 'Schedule a window before assigning a crew', {
        details: [{ path: 'body.scheduledStart', message: 'Required with crewId' }],
      });
    if (input.kind === 'load' && (!input.pickupAddress || !input.deliveryAddress))
      throw new AppError('VALIDATION_ERROR', 'A load needs pickup and delivery addresses', {
        details: [{ path: 'body.pickupAddress', message: 'Required for a load' }],
      });
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await assertActiveMembers(t, ctx.tenantId, 'ownerId', [ownerId]);
    await kit.assertReferences(t, ctx, {
      companyId: input.companyId,
      contactId: input.contactId,
      dealId: input.dealId,
      crewId: input.crewId,
    });
    const status = input.crewId ? 'dispatched' : 'scheduled';
    const target = {
      id: newId(),
      crewId: input.crewId ?? null,
      scheduledStart: (values.scheduledStart as Date | null) ?? null,
      scheduledEnd: (values.scheduledEnd as Date | null) ?? null,
    };
    const row = await guardedWrite(t, ctx, target, (sp) =>
      kit.insertRecord<JobRow>(sp, ctx, jobDef, { ...values, id: target.id, ownerId, status }),
    );
    await recordStep(t, ctx, { jobId: row.id, from: null, to: status, occurredAt: row.createdAt });
    await jobCreated(t, ctx, row);
    return visibleAfter(t, ctx, row.id);
  });

/** Changes a job's fields (not crew or status: those are actions) when `version` matches; audited. */
export const updateJob = (ctx: AuthedContext, id: string, input: JobUpdateInput): Promise<Job> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...fields } = input;
    await assertActiveMembers(t, ctx.tenantId, 'ownerId', [fields.ownerId]);
    await kit.assertReferences(t, ctx, {
      companyId: fields.companyId,
      contactId: fields.contactId,
      dealId: fields.dealId,
    });
    const current = await kit.findRecord<JobRow>(t, ctx, jobDef, id, true);
    const patch = columnsOf(fields);
    const start = 'scheduledStart' in patch ? (patch.scheduledStart as Date | null) : current.scheduledStart;
    const end = 'scheduledEnd' in patch ? (patch.scheduledEnd as Date | null) : current.scheduledEnd;
    badWindow(start, end);
    if (current.crewId && !start)
      throw new AppError('CONFLICT', 'Unassign the crew before removing the window');
    const { before, after } = await guardedWrite(
      t,
      ctx,
      { id, crewId: current.crewId, scheduledStart: start, scheduledEnd: end },
      (sp) => kit.updateRecord<JobRow>(sp, ctx, jobDef, { id, version, patch, toDto: toJob }),
    );
    await jobChanged(t, ctx, before, after);
    return visibleAfter(t, ctx, id);
  });

export const archiveJob = (ctx: AuthedContext, id: string, change: kit.ArchiveChange): Promise<Job> =>
  kit.inTenant(ctx, async (t) => {
    const current = await kit.findRecord<JobRow>(t, ctx, jobDef, id, true);
    const { after } = await guardedWrite(t, ctx, current, (sp) =>
      kit.setArchived<JobRow>(sp, ctx, jobDef, {
        id,
        archived: change.archived,
        version: change.version,
        toDto: toJob,
      }),
    );
    await jobChanged(t, ctx, current, after);
    return toJob(after);
  });

export const deleteJob = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, jobDef, id));

/** The job's status steps, oldest first. */
export const jobHistory = (ctx: AuthedContext, id: string): Promise<JobStatusStep[]> =>
  kit.inTenant(ctx, async (t) => {
    await kit.findRecord<JobRow>(t, ctx, jobDef, id);
    const rows = await t
      .select()
      .from(jobStatusHistory)
      .where(and(eq(jobStatusHistory.tenantId, ctx.tenantId), eq(jobStatusHistory.jobId, id)))
      .orderBy(asc(jobStatusHistory.occurredAt), asc(jobStatusHistory.id));
    return rows.map(toStatusStep);
  });
