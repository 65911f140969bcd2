import type {
  Appointment,
  AppointmentStatus,
  appointmentCancelInput,
  appointmentCompleteInput,
} from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { changeLeadStatusIn } from '../../crm/index.ts';
import { appointmentChanged } from '../scheduling-events.ts';
import { type AppointmentRow, appointmentDef, toAppointment } from './appointment-record.ts';

/** scheduled → confirmed → completed / no_show / cancelled (a scheduled one may skip confirmation). */
export const APPOINTMENT_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['confirmed', 'completed', 'no_show', 'cancelled'],
  confirmed: ['completed', 'no_show', 'cancelled'],
  completed: [],
  no_show: [],
  cancelled: [],
};

type Change = {
  status: AppointmentStatus;
  version?: number;
  patch?: Record<string, unknown>;
  action: string;
};

/** Moves an appointment's status (version-checked when given; the same status again is a no-op); audited. */
const transition = (
  ctx: AuthedContext,
  id: string,
  change: Change,
  after?: (t: Tx, row: AppointmentRow) => Promise<void>,
) =>
  kit.inTenant(ctx, async (t) => {
    const current = await kit.findRecord<AppointmentRow>(t, ctx, appointmentDef, id, true);
    if (change.version !== undefined && current.version !== change.version)
      throw kit.conflict(appointmentDef.label, toAppointment(current));
    if (current.status === change.status) return toAppointment(current);
    if (!APPOINTMENT_TRANSITIONS[current.status].includes(change.status))
      throw new AppError('CONFLICT', `An appointment cannot go from ${current.status} to ${change.status}`, {
        details: {
          from: current.status,
          to: change.status,
          allowed: APPOINTMENT_TRANSITIONS[current.status],
        },
      });
    const { after: row } = await kit
      .updateRecord<AppointmentRow>(t, ctx, appointmentDef, {
        id,
        version: undefined,
        patch: { status: change.status, ...change.patch },
        toDto: toAppointment,
        action: change.action,
      })
      .then(appointmentChanged(t, ctx));
    if (after) await after(t, row);
    return toAppointment(row);
  });

export const confirmAppointment = (ctx: AuthedContext, id: string, input: { version?: number }) =>
  transition(ctx, id, { status: 'confirmed', version: input.version, action: 'confirmed' });

export const markNoShow = (ctx: AuthedContext, id: string, input: { version?: number }) =>
  transition(ctx, id, {
    status: 'no_show',
    version: input.version,
    action: 'no_show',
    patch: { completedAt: sql`now()` },
  });

/** Cancels: the agent's time is free again (the exclusion constraint covers active statuses only). */
export const cancelAppointment = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof appointmentCancelInput>,
) =>
  transition(ctx, id, {
    status: 'cancelled',
    version: input.version,
    action: 'cancelled',
    patch: { cancelReason: input.reason ?? null },
  });

/**
 * Completes with an outcome. Outcome "qualified" on a lead's appointment qualifies the lead through the CRM's
 * public API, in the same transaction (the caller must be able to see the lead; the CRM's status rules apply).
 */
export const completeAppointment = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof appointmentCompleteInput>,
): Promise<Appointment> =>
  transition(
    ctx,
    id,
    {
      status: 'completed',
      version: input.version,
      action: 'completed',
      patch: {
        outcome: input.outcome,
        completedAt: sql`now()`,
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
      },
    },
    async (t, row) => {
      if (input.outcome !== 'qualified' || !row.leadId) return;
      await changeLeadStatusIn(t, ctx, {
        leadId: row.leadId,
        status: 'qualified',
        reason: 'Appointment completed as qualified',
      });
    },
  );
