import { z } from 'zod';

/** Shared rules of the scheduling contracts: times of day, dates, zones, weekly ranges. */

/** A wall-clock time "HH:MM" (00:00–24:00; 24:00 only as the end of a range). */
export const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'A time as HH:MM, e.g. 09:30');
/** A calendar date "YYYY-MM-DD" that exists. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'Not a calendar date');

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
/** An IANA time-zone name the runtime knows (Europe/Berlin, America/New_York, UTC…). */
export const timeZone = z.string().min(1).max(64).refine(isZone, 'Unknown time zone (use an IANA name)');

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const ordered = (r: { start: string; end: string }) => minutesOf(r.start) < minutesOf(r.end);
const orderedMessage = { message: 'The end must be after the start', path: ['end'] };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = z.number().int().min(1).max(7);
export const weeklyRange = z
  .strictObject({ weekday, start: timeOfDay, end: timeOfDay })
  .refine(ordered, orderedMessage);
export type WeeklyRange = z.infer<typeof weeklyRange>;
export const datedRange = z
  .strictObject({ date: calendarDate, start: timeOfDay, end: timeOfDay })
  .refine(ordered, orderedMessage);
export type DatedRange = z.infer<typeof datedRange>;

export const LOCATION_KINDS = ['on_site', 'office', 'phone', 'video'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'completed', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses that hold the agent's time (the no-double-booking constraint covers only these). */
export const ACTIVE_APPOINTMENT_STATUSES = ['scheduled', 'confirmed'] as const;
export const APPOINTMENT_OUTCOMES = ['qualified', 'not_interested', 'follow_up', 'sold', 'other'] as const;

/** A short label list (skills, regions): trimmed, 1–60 characters, at most `max`. */
export const labelList = (max: number) => z.array(z.string().trim().min(1).max(60)).max(max);
/** Postal-code prefixes an agent covers ("10", "803", "SW1"). */
export const postalPrefix = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9 -]{1,10}$/, 'Letters, digits, spaces or dashes, up to 10');

export const BOOKING_STRATEGIES = ['load_balanced', 'round_robin', 'fixed_priority'] as const;
export const schedulingSettingsSchema = z.object({
  strategy: z.enum(BOOKING_STRATEGIES),
  version: z.number().int(),
});
export type SchedulingSettings = z.infer<typeof schedulingSettingsSchema>;
export const schedulingSettingsInput = z.strictObject({
  strategy: z.enum(BOOKING_STRATEGIES),
  version: z.number().int().min(1).optional(),
});
