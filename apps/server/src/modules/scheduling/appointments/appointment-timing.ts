import { isExclusionDeadlock, isExclusionViolation } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AgentRow } from '../agents/agent-record.ts';
import { takesType } from '../slots/slots.service.ts';
import type { AppointmentTypeRow } from '../types/type-record.ts';

const MINUTE = 60_000;
const MAX_LENGTH = 24 * 60 * MINUTE;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });

/**
 * Whether a write failed because the agent's time is taken: the exclusion constraint `appointments_no_overlap`
 * refused it (23P01), or — when several transactions insert overlapping appointments at the same moment on
 * PostgreSQL — the constraint's check ended in a deadlock (40P01) and this transaction was the one aborted
 * while another one takes the time. Both are the same 409 for the caller.
 */
export const isSlotTaken = (err: unknown): boolean =>
  isExclusionViolation(err, 'appointments_no_overlap') || isExclusionDeadlock(err, 'appointments');

/** Start, end and the blocked range (buffers included) of an appointment. */
export const timing = (
  buffers: { bufferBeforeMinutes: number; bufferAfterMinutes: number },
  startsAt: Date,
  endsAt: Date,
) => {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid('endsAt', 'The end must be after the start');
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH) throw invalid('endsAt', 'At most 24 hours long');
  return {
    startsAt,
    endsAt,
    bufferBeforeMinutes: buffers.bufferBeforeMinutes,
    bufferAfterMinutes: buffers.bufferAfterMinutes,
    blockedFrom: new Date(startsAt.getTime() - buffers.bufferBeforeMinutes * MINUTE),
    blockedTo: new Date(endsAt.getTime() + buffers.bufferAfterMinutes * MINUTE),
  };
};

/** The type's duration from `startsAt` when no end is given. */
export const defaultEnd = (type: AppointmentTypeRow, startsAt: Date, endsAt?: string) =>
  endsAt ? new Date(endsAt) : new Date(startsAt.getTime() + type.durationMinutes * MINUTE);

/** The agent must be active and allowed for the type (listed agents, required skills). */
export const assertAgentTakes = (agent: AgentRow, type: AppointmentTypeRow) => {
  if (!takesType(agent, type))
    throw new AppError('VALIDATION_ERROR', 'This agent does not take this kind of appointment', {
      details: [{ path: 'agentId', message: 'Not available for this appointment type' }],
    });
};
