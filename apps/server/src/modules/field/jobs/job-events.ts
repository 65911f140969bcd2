import type { JobStatus } from '@tessera/contracts';
import type { Tx } from '../../../platform/db/index.ts';
import { type EventOrigin, emit } from '../../../platform/events/index.ts';
import { queueMail } from '../../../platform/mail/index.ts';
import { JOB_AUDIT_FIELDS, type JobRow } from './job-record.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const changedFields = (before: JobRow, after: JobRow) =>
  JOB_AUDIT_FIELDS.filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  ) as string[];

export const jobCreated = async (t: Tx, ctx: EventOrigin, row: JobRow) => {
  await emit(t, ctx, 'job.created', { jobId: row.id, crewId: row.crewId, status: row.status });
  if (row.crewId) await jobAssigned(t, ctx, row, null);
};

export const jobAssigned = (t: Tx, ctx: EventOrigin, row: JobRow, previousCrewId: string | null) =>
  emit(t, ctx, 'job.assigned', {
    jobId: row.id,
    crewId: row.crewId,
    previousCrewId,
    scheduledStart: iso(row.scheduledStart),
    scheduledEnd: iso(row.scheduledEnd),
  });

/** `job.updated`, and `job.assigned` when its crew or window changed. */
export const jobChanged = async (t: Tx, ctx: EventOrigin, before: JobRow, after: JobRow) => {
  const changed = changedFields(before, after).filter((f) => f !== 'status');
  if (changed.length > 0)
    await emit(t, ctx, 'job.updated', { jobId: after.id, version: after.version, changed });
  if (
    before.crewId !== after.crewId ||
    (after.crewId &&
      (iso(before.scheduledStart) !== iso(after.scheduledStart) ||
        iso(before.scheduledEnd) !== iso(after.scheduledEnd)))
  )
    await jobAssigned(t, ctx, after, before.crewId);
};

/**
 * `job.status_changed`; on `en_route` the customer (the job's e-mail) gets a message through the mail outbox,
 * in the same transaction (the mail sweep delivers it).
 */
export const jobStatusChanged = async (
  t: Tx,
  ctx: EventOrigin,
  row: JobRow,
  from: JobStatus,
  occurredAt: Date,
) => {
  await emit(t, ctx, 'job.status_changed', {
    jobId: row.id,
    from,
    to: row.status,
    occurredAt: occurredAt.toISOString(),
  });
  if (row.status === 'en_route' && row.customerEmail)
    await queueMail(t, {
      to: row.customerEmail,
      subject: `We are on our way: ${row.title}`,
      text: [
        `Hello${row.customerName ? ` ${row.customerName}` : ''},`,
        '',
        `Our crew is on its way to ${row.siteAddress ?? 'you'} for "${row.title}".`,
        row.scheduledEnd ? `Planned window ends ${row.scheduledEnd.toISOString()}.` : '',
      ].join('\n'),
      tenantRef: ctx.tenantId,
    });
};
