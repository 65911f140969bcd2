import type { BookingDay, BookingSlots } from '@tessera/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { findTenantBySlug } from '../../identity/index.ts';
import type { AgentRow } from '../agents/agent-record.ts';
import type { BusyRange, ComputedSlot } from '../slots/compute-slots.ts';
import { freeSlotsIn } from '../slots/slots.service.ts';
import { addDays, wallClock, zonedToUtc } from '../slots/zoned-time.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';
import type { AppointmentTypeRow } from '../types/type-record.ts';

/** The one answer for an unknown company, an unknown or private type, or a suspended tenant: nothing leaks. */
export const pageNotFound = () => new AppError('NOT_FOUND', 'This booking page does not exist');

/** The tenant a booking page's slug names (active only), read without a tenant transaction. */
export const tenantOfPage = async (database: Database, tenantSlug: string) => {
  const tenant = await findTenantBySlug(database.db, tenantSlug);
  if (tenant?.status !== 'active') throw pageNotFound();
  return tenant;
};

/** The tenant's publicly bookable, live appointment type with this slug, or the same 404. */
export const publicType = async (t: Tx, tenantId: string, typeSlug: string): Promise<AppointmentTypeRow> => {
  const [row] = await t
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.tenantId, tenantId),
        eq(appointmentTypes.slug, typeSlug),
        eq(appointmentTypes.publicBooking, true),
        isNull(appointmentTypes.archivedAt),
      ),
    );
  if (!row) throw pageNotFound();
  return row;
};

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Free start times of `agents` for `type` on `days` days from `from` (dates in the visitor's zone; default
 * today there), one per start time whichever agent is free (the page never shows who), grouped by the
 * visitor's local date with the local time. Every day is listed, empty ones too.
 */
export const visitorSlots = async (
  t: Tx,
  tenantId: string,
  input: {
    type: AppointmentTypeRow;
    agents: readonly AgentRow[];
    timeZone: string;
    from?: string;
    days: number;
    exceptId?: string;
  },
): Promise<BookingSlots> => {
  const { timeZone, days } = input;
  const first = input.from ?? wallClock(timeZone, Date.now()).date;
  const dates = Array.from({ length: days }, (_, i) => addDays(first, i));
  const from = zonedToUtc(timeZone, first, 0);
  const to = zonedToUtc(timeZone, addDays(first, days), 0);
  const slots: ComputedSlot[] = await freeSlotsIn(t, tenantId, {
    type: input.type,
    agents: input.agents,
    from,
    to,
    limit: 20_000,
    exceptId: input.exceptId,
  });
  const byDate = new Map<string, BookingDay>(dates.map((date) => [date, { date, slots: [] }]));
  const seen = new Set<number>();
  for (const s of slots) {
    if (seen.has(s.start)) continue;
    seen.add(s.start);
    const local = wallClock(timeZone, s.start);
    byDate.get(local.date)?.slots.push({
      startsAt: new Date(s.start).toISOString(),
      endsAt: new Date(s.end).toISOString(),
      time: hhmm(local.minutes),
    });
  }
  for (const day of byDate.values()) day.slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { timeZone, days: [...byDate.values()] };
};

/** Whether `start` is a start time the page offers (aligned, within notice and horizon, someone free). */
export const isOffered = async (
  t: Tx,
  tenantId: string,
  input: {
    type: AppointmentTypeRow;
    agents: readonly AgentRow[];
    start: number;
    exceptId?: string;
    /** The agents' busy ranges if already read (covering [start − 1 day, start + 1 day]). */
    busy?: readonly BusyRange[];
  },
) => {
  const slots = await freeSlotsIn(t, tenantId, {
    type: input.type,
    agents: input.agents,
    from: input.start,
    to: input.start + 1,
    limit: 1_000,
    exceptId: input.exceptId,
    busy: input.busy,
  });
  return slots.some((s) => s.start === input.start);
};
