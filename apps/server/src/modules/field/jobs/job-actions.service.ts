import {
  CREWED_STATUSES,
  FINAL_JOB_STATUSES,
  JOB_TRANSITIONS,
  type Job,
  type JobAssignInput,
  type JobStatus,
  type JobStatusInput,
} from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { jobAssigned, jobChanged, jobStatusChanged } from './job-events.ts';
import { type JobRow, jobDef, toJob } from './job-record.ts';
import { guardedWrite, recordStep, visibleAfter } from './job-writes.ts';

/** A device clock may run a little ahead; a step further in the future than this is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

const staleCheck = (row: JobRow, version: number | undefined) => {
  if (version !== undefined && row.version !== version) throw kit.conflict(jobDef.label, toJob(row));
};

/**
 * The dispatch board's drop: a crew (or none) and a window. A scheduled job given a crew is dispatched; a
 * dispatched job losing its crew goes back to scheduled; a job under way or closed cannot be moved.
 * The database refuses a double booking, also between concurrent assignments (409 naming the other job).
 */
export const assignJob = (ctx: AuthedContext, id: string, input: JobAssignInput): Promise<Job> =>
  kit.inTenant(ctx, async (t) => {
    const current = await kit.findRecord<JobRow>(t, ctx, jobDef, id, true);
    staleCheck(current, input.version);
    if (
      FINAL_JOB_STATUSES.includes(current.status) ||
      current.status === 'en_route' ||
      current.status === 'on_site'
    )
      throw new AppError(
        'CONFLICT',
        `A job that is ${current.status.replace('_', ' ')} cannot be reassigned`,
      );
    await kit.assertReferences(t, ctx, { crewId: input.crewId });
    const start = new Date(input.scheduledStart);
    const end = new Date(input.scheduledEnd);
    if (end <= start)
      throw new AppError('VALIDATION_ERROR', 'The window must end after it starts', {
        details: [{ path: 'body.scheduledEnd', message: 'Must be after scheduledStart' }],
      });
    let status: JobStatus = current.status;
    if (input.crewId && status === 'scheduled') status = 'dispatched';
    if (!input.crewId && status === 'dispatched') status = 'scheduled';
    const { after } = await guardedWrite(
      t,
      ctx,
      { id, crewId: input.crewId, scheduledStart: start, scheduledEnd: end },
      (sp) =>
        kit.updateRecord<JobRow>(sp, ctx, jobDef, {
          id,
          version: undefined,
          patch: {
            crewId: input.crewId,
            scheduledStart: start,
            scheduledEnd: end,
            ...(status !== current.status ? { status, statusChangedAt: new Date() } : {}),
          },
          toDto: toJob,
          action: 'assigned',
        }),
    );
    if (
      after.crewId !== current.crewId ||
      +(after.scheduledStart ?? 0) !== +(current.scheduledStart ?? 0) ||
      +(after.scheduledEnd ?? 0) !== +(current.scheduledEnd ?? 0)
    )
      await jobAssigned(t, ctx, after, current.crewId);
    if (status !== current.status) {
      await recordStep(t, ctx, {
        jobId: id,
        from: current.status,
        to: status,
        occurredAt: after.statusChangedAt,
      });
      await jobStatusChanged(t, ctx, after, current.status, after.statusChangedAt);
    }
    return visibleAfter(t, ctx, id);
  });

const completionOnly = (input: JobStatusInput) =>
  input.completionNotes !== undefined ||
  input.signatureName !== undefined ||
  input.checklistDone !== undefined;

/**
 * One step of the status flow (crew view, board). `occurredAt` keeps the time the step happened on the
 * device: an offline change replayed later (same Idempotency-Key) records its original time, once.
 * Completing records notes, the checklist results and the customer's name as signature.
 */
export const changeJobStatus = (ctx: AuthedContext, id: string, input: JobStatusInput): Promise<Job> =>
  kit.inTenant(ctx, async (t) => {
    const current = await kit.findRecord<JobRow>(t, ctx, jobDef, id, true);
    staleCheck(current, input.version);
    const from = current.status;
    const to = input.status;
    if (!JOB_TRANSITIONS[from].includes(to))
      throw new AppError('CONFLICT', `A job cannot go from ${from} to ${to}`, {
        details: { current: toJob(current), allowed: JOB_TRANSITIONS[from] },
      });
    if (CREWED_STATUSES.includes(to) && !current.crewId)
      throw new AppError('CONFLICT', 'Assign a crew first');
    if (to !== 'completed' && completionOnly(input))
      throw new AppError('VALIDATION_ERROR', 'Completion details go with status "completed"');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      throw new AppError('VALIDATION_ERROR', 'occurredAt is in the future', {
        details: [{ path: 'body.occurredAt', message: 'In the future' }],
      });
    if (input.checklistDone && input.checklistDone.length !== current.checklist.length)
      throw new AppError('VALIDATION_ERROR', `The checklist has ${current.checklist.length} items`, {
        details: [{ path: 'body.checklistDone', message: 'One result per checklist item' }],
      });
    const completion =
      to === 'completed'
        ? {
            completedAt: occurredAt,
            completionNotes: input.completionNotes ?? null,
            signatureName: input.signatureName ?? null,
            checklist: current.checklist.map((item, i) => ({
              label: item.label,
              done: input.checklistDone?.[i] ?? item.done,
            })),
          }
        : {};
    const { before, after } = await guardedWrite(t, ctx, current, (sp) =>
      kit.updateRecord<JobRow>(sp, ctx, jobDef, {
        id,
        version: undefined,
        patch: { status: to, statusChangedAt: occurredAt, ...completion },
        toDto: toJob,
        action: 'status_changed',
      }),
    );
    await recordStep(t, ctx, { jobId: id, from, to, occurredAt, note: input.note });
    await jobStatusChanged(t, ctx, after, from, occurredAt);
    if (to === 'completed') await jobChanged(t, ctx, before, after);
    return toJob(after);
  });
