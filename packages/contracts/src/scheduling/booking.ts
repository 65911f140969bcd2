import { z } from 'zod';
import { email, isoDateTime, uuid } from '../primitives.ts';
import { calendarDate, LOCATION_KINDS, timeZone } from './common.ts';

/**
 * The public booking page (no sign-in) and the visitor's signed manage link, plus the agent's calendar feed and
 * the agent performance figures. Times are UTC instants; `time` is the wall-clock time in the visitor's zone.
 */
const pageSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Not a booking page');
export const bookingPageParams = z.strictObject({ tenantSlug: pageSlug, typeSlug: pageSlug });
export const bookingTokenParams = z.strictObject({ token: z.string().min(10).max(100) });

export const bookingPageSchema = z.object({
  company: z.string(),
  type: z.object({
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    locationKind: z.enum(LOCATION_KINDS),
    maxDaysAhead: z.number().int(),
  }),
});
export type BookingPage = z.infer<typeof bookingPageSchema>;

export const bookingSlotsQuery = z.strictObject({
  /** First day, in the visitor's zone (default: today there). */
  from: calendarDate.optional(),
  days: z.coerce.number().int().min(1).max(31).default(14),
  timeZone,
});
export const publicSlotSchema = z.object({ startsAt: z.string(), endsAt: z.string(), time: z.string() });
export const bookingDaySchema = z.object({ date: z.string(), slots: z.array(publicSlotSchema) });
export const bookingSlotsSchema = z.object({ timeZone: z.string(), days: z.array(bookingDaySchema) });
export type PublicSlot = z.infer<typeof publicSlotSchema>;
export type BookingDay = z.infer<typeof bookingDaySchema>;
export type BookingSlots = z.infer<typeof bookingSlotsSchema>;

const text = (max: number) => z.string().trim().max(max);
export const BOOKING_HONEYPOT = 'website';
export const bookingInput = z.strictObject({
  name: text(120).min(1, 'Enter your name'),
  email,
  phone: text(50).regex(/^\+?[0-9 ()./-]{5,50}$/, 'Enter a phone number (digits, spaces, + - ( ) /)'),
  address: text(300).optional(),
  postalCode: text(12)
    .regex(/^[A-Za-z0-9 -]{2,12}$/, 'Letters, digits, spaces or dashes')
    .optional(),
  notes: text(1000).optional(),
  startsAt: isoDateTime,
  timeZone,
  /** Left empty by people; bots fill it in (the booking is refused and nothing is stored). */
  website: z.string().max(200).optional(),
});
export type BookingInput = z.input<typeof bookingInput>;

export const bookingViewSchema = z.object({
  company: z.string(),
  typeName: z.string(),
  locationKind: z.enum(LOCATION_KINDS),
  status: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  name: z.string(),
  email: z.string(),
  /** Whether the visitor may still cancel or move it (active and not started). */
  changeable: z.boolean(),
  /** The manage link's token (a new one after a reschedule). */
  token: z.string(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;

export const bookingCancelInput = z.strictObject({ reason: text(500).optional() });
export const bookingRescheduleInput = z.strictObject({ startsAt: isoDateTime });

/** An agent's iCalendar feed: the secret URL (null when none is live). */
/** A public booking page of the company (`GET /scheduling/booking-links`): `url` is absolute (the app's URL). */
export const bookingLinkSchema = z.object({
  typeId: z.string(),
  name: z.string(),
  path: z.string(),
  url: z.string(),
});
export type BookingLink = z.infer<typeof bookingLinkSchema>;
export const calendarFeedSchema = z.object({ url: z.string().nullable(), createdAt: z.string().nullable() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export const calendarFeedParams = z.strictObject({ id: uuid });
