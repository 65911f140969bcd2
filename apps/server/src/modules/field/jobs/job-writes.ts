import type { JobStatus } from '@tessera/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { type JobRow, jobDef, toJob } from './job-record.ts';
import { jobStatusHistory, jobs } from './jobs.tables.ts';

type PgError = { code?: string; constraint?: string; cause?: unknown };
const sqlState = (err: unknown): PgError | undefined => {
  for (let e = err as PgError | undefined, d = 0; e && d < 5; e = e.cause as PgError | undefined, d++)
    if (typeof e.code === 'string' && e.code.length === 5) return e;
  return undefined;
};

/** A deadlock (SQLSTATE 40P01), which the crew exclusion constraint can cause under concurrent writes. */
export const isDeadlock = (err: unknown): boolean => sqlState(err)?.code === '40P01';

/** The live job of the same crew whose window overlaps [start, end), read after the database refused. */
const overlapping = async (
  t: Tx,
  tenantId: string,
  row: Pick<JobRow, 'id' | 'crewId'>,
  start: Date,
  end: Date,
) => {
  if (!row.crewId) return undefined;
  const [other] = await t
    .select({
      id: jobs.id,
      title: jobs.title,
      scheduledStart: jobs.scheduledStart,
      scheduledEnd: jobs.scheduledEnd,
    })
    .from(jobs)
    .where(
      and(
        eq(jobs.tenantId, tenantId),
        eq(jobs.crewId, row.crewId),
        ne(jobs.id, row.id),
        ne(jobs.status, 'cancelled'),
        sql`${jobs.archivedAt} is null`,
        sql`tstzrange(${jobs.scheduledStart}, ${jobs.scheduledEnd}, '[)') && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .limit(1);
  return other;
};

/**
 * Runs a write of a job inside a savepoint, so the database's rules become answers: the crew double-booking
 * exclusion (jobs_crew_no_overlap, also under concurrent assignment) is a 409 naming the job already in that
 * slot; the status-flow trigger is a 409 too.
 */
export const guardedWrite = async <T>(
  t: Tx,
  ctx: AuthedContext,
  target: Pick<JobRow, 'id' | 'crewId' | 'scheduledStart' | 'scheduledEnd'>,
  write: (sp: Tx) => Promise<T>,
): Promise<T> => {
  try {
    try {
      return await t.transaction((sp) => write(sp as unknown as Tx));
    } catch (err) {
      // Two transactions writing overlapping windows of one crew at once may each wait for the other's
      // index entry (the exclusion check); PostgreSQL aborts one with a deadlock. Its savepoint is rolled
      // back, so the write is tried once more: it now waits for the survivor and ends as a 409 naming it.
      if (!isDeadlock(err)) throw err;
      return await t.transaction((sp) => write(sp as unknown as Tx));
    }
  } catch (err) {
    if (isDeadlock(err))
      throw new AppError(
        'CONFLICT',
        "Another change to this crew's schedule came at the same moment: try again",
      );
    const e = sqlState(err);
    if (e?.code === '23P01' && target.scheduledStart && target.scheduledEnd) {
      const other = await overlapping(t, ctx.tenantId, target, target.scheduledStart, target.scheduledEnd);
      throw new AppError(
        'CONFLICT',
        other
          ? `This crew already has "${other.title}" at that time`
          : 'This crew already has a job at that time',
        {
          details: {
            conflictingJob: other
              ? {
                  id: other.id,
                  title: other.title,
                  scheduledStart: other.scheduledStart?.toISOString() ?? null,
                  scheduledEnd: other.scheduledEnd?.toISOString() ?? null,
                }
              : null,
          },
        },
      );
    }
    if (e?.code === '23514' && e.constraint === 'jobs_status_flow')
      throw new AppError('CONFLICT', 'This status change is not allowed');
    throw err;
  }
};

/** One status step in the history (from null: the job's first status). */
export const recordStep = (
  t: Tx,
  ctx: AuthedContext,
  step: { jobId: string; from: JobStatus | null; to: JobStatus; occurredAt: Date; note?: string | null },
) =>
  t.insert(jobStatusHistory).values({
    id: newId(),
    tenantId: ctx.tenantId,
    jobId: step.jobId,
    fromStatus: step.from,
    toStatus: step.to,
    occurredAt: step.occurredAt,
    actorUserId: ctx.userId,
    note: step.note ?? null,
  });

/** The caller must still see the job after their change (a contractor cannot move a job out of their sight). */
export const visibleAfter = async (t: Tx, ctx: AuthedContext, id: string) => {
  try {
    return toJob(await kit.findRecord<JobRow>(t, ctx, jobDef, id));
  } catch {
    throw new AppError('FORBIDDEN', 'You would no longer see this job after that change');
  }
};
