import type { BookingView, bookingSlotsQuery } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { type Tx, withTenant } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { tenants } from '../../identity/index.ts';
import type { AppointmentRow } from '../appointments/appointment-record.ts';
import { appointmentDef, toAppointment } from '../appointments/appointment-record.ts';
import { isSlotTaken, timing } from '../appointments/appointment-timing.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { appointmentChanged } from '../scheduling-events.ts';
import { candidateAgents } from '../slots/slots.service.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';
import { schedulingBookings } from './booking.tables.ts';
import type { BookingDeps } from './booking-deps.ts';
import { readBookingToken } from './booking-link.ts';
import { type BookingMailFacts, queueBookingMail } from './booking-mail.ts';
import { isOffered, visitorSlots } from './booking-page.ts';

/** The one answer for a tampered, expired or unknown link (and another tenant's): nothing is enumerable. */
const linkNotFound = () => new AppError('NOT_FOUND', 'This booking link is not valid or has expired');

type Booking = {
  row: AppointmentRow;
  facts: BookingMailFacts;
  type: typeof appointmentTypes.$inferSelect;
};

/** The public booking a valid token names, in its tenant's transaction (locked when it will change). */
const bookingOf = async (t: Tx, tenantId: string, appointmentId: string, lock: boolean): Promise<Booking> => {
  const query = t
    .select({ row: appointments, booking: schedulingBookings, type: appointmentTypes, company: tenants.name })
    .from(appointments)
    .innerJoin(
      schedulingBookings,
      and(
        eq(schedulingBookings.tenantId, appointments.tenantId),
        eq(schedulingBookings.appointmentId, appointments.id),
      ),
    )
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.tenantId, appointments.tenantId), eq(appointmentTypes.id, appointments.typeId)),
    )
    .innerJoin(tenants, eq(tenants.id, appointments.tenantId))
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, appointmentId)));
  const [found] = lock ? await query.for('update', { of: appointments }) : await query;
  if (!found) throw linkNotFound();
  const { row, booking, type, company } = found;
  return {
    row,
    type,
    facts: {
      company,
      typeName: type.name,
      name: booking.name,
      email: booking.email,
      timeZone: booking.timeZone,
      location: row.location,
    },
  };
};

const ACTIVE = new Set(['scheduled', 'confirmed']);
const changeable = (row: AppointmentRow) => ACTIVE.has(row.status) && row.startsAt.getTime() > Date.now();

const viewOf = ({ row, facts, type }: Booking, token: string): BookingView => ({
  company: facts.company,
  typeName: type.name,
  locationKind: row.locationKind,
  status: row.status,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  timeZone: facts.timeZone,
  name: facts.name,
  email: facts.email,
  changeable: changeable(row),
  token,
});

/** Runs `fn` on the booking the token names; any invalid token is the same 404. */
const withBooking = <T>(
  deps: BookingDeps,
  token: string,
  lock: boolean,
  fn: (t: Tx, booking: Booking, tenantId: string) => Promise<T>,
) => {
  const link = readBookingToken(deps.secret, token);
  if (!link) throw linkNotFound();
  return withTenant(deps.database, link.tenantId, async (t) =>
    fn(t, await bookingOf(t, link.tenantId, link.appointmentId, lock), link.tenantId),
  );
};

export const viewBooking = (deps: BookingDeps, token: string) =>
  withBooking(deps, token, false, async (_t, booking) => viewOf(booking, token));

/** Free times the booking can move to: the same agent's, its own current time counting as free. */
export const rescheduleSlots = (
  deps: BookingDeps,
  token: string,
  query: z.output<typeof bookingSlotsQuery>,
) =>
  withBooking(deps, token, false, async (t, { row, type }, tenantId) => {
    const agents = await candidateAgents(t, tenantId, type, { agentId: row.agentId });
    return visitorSlots(t, tenantId, { type, agents, ...query, exceptId: row.id });
  });

const assertChangeable = (row: AppointmentRow) => {
  if (!ACTIVE.has(row.status))
    throw new AppError(
      'CONFLICT',
      `This appointment is ${row.status.replace('_', '-')} and cannot be changed`,
    );
  if (row.startsAt.getTime() <= Date.now())
    throw new AppError('CONFLICT', 'This appointment has already started');
};

/** The visitor cancels: the time is free again; audited (no user, the visitor's address); e-mail with CANCEL. */
export const cancelBooking = (
  deps: BookingDeps,
  token: string,
  input: { reason?: string },
  context: (tenantId: string) => AuthedContext,
) =>
  withBooking(deps, token, true, async (t, booking, tenantId) => {
    assertChangeable(booking.row);
    const ctx = context(tenantId);
    const { after } = await kit
      .updateRecord<AppointmentRow>(t, ctx, appointmentDef, {
        id: booking.row.id,
        version: undefined,
        patch: { status: 'cancelled', cancelReason: input.reason ?? 'Cancelled by the customer' },
        toDto: toAppointment,
        action: 'cancelled',
      })
      .then(appointmentChanged(t, ctx));
    await queueBookingMail(t, deps, ctx.afterCommit, { kind: 'cancelled', row: after, facts: booking.facts });
    return viewOf({ ...booking, row: after }, token);
  });

/**
 * The visitor moves the booking to another offered time of the same agent (same length); a time taken
 * meanwhile is a 409. Audited `appointment.rescheduled`; a new e-mail with a new manage link.
 */
export const rescheduleBooking = async (
  deps: BookingDeps,
  token: string,
  input: { startsAt: string },
  context: (tenantId: string) => AuthedContext,
) => {
  const start = Date.parse(input.startsAt);
  if (start <= Date.now())
    throw new AppError('VALIDATION_ERROR', 'This time has already passed. Pick a later time.', {
      details: [{ path: 'startsAt', message: 'In the past' }],
    });
  try {
    return await withBooking(deps, token, true, async (t, booking, tenantId) => {
      const { row, type } = booking;
      assertChangeable(row);
      const agents = await candidateAgents(t, tenantId, type, { agentId: row.agentId });
      if (!(await isOffered(t, tenantId, { type, agents, start, exceptId: row.id })))
        throw new AppError('CONFLICT', 'This time is not available. Please pick one of the times shown.');
      const ctx = context(tenantId);
      const length = row.endsAt.getTime() - row.startsAt.getTime();
      const { after } = await kit
        .updateRecord<AppointmentRow>(t, ctx, appointmentDef, {
          id: row.id,
          version: undefined,
          patch: timing(row, new Date(start), new Date(start + length)),
          toDto: toAppointment,
          action: 'rescheduled',
        })
        .then(appointmentChanged(t, ctx));
      const next = await queueBookingMail(t, deps, ctx.afterCommit, {
        kind: 'rescheduled',
        row: after,
        facts: booking.facts,
      });
      return viewOf({ ...booking, row: after }, next);
    });
  } catch (err) {
    if (isSlotTaken(err))
      throw new AppError('CONFLICT', 'Sorry, this time was just booked. Please pick another time.');
    throw err;
  }
};
