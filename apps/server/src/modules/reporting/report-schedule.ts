import type { ReportFrequency } from '@tessera/contracts';

/** Report e-mails go out at this hour (the company's time zone) of their day. */
export const SEND_HOUR = 6;

const DAY = 86_400_000;
const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => format(new Date(parse(date).getTime() + days * DAY));
const addMonths = (date: string, months: number) => {
  const d = parse(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return format(d);
};
/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
const isoWeekday = (date: string) => parse(date).getUTCDay() || 7;

/** The wall-clock date, hour and minute of `at` in `timezone`. */
const localTime = (at: Date, timezone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
};

/** The wall-clock date and hour of `at` in `timezone`. */
export const localDateHour = (at: Date, timezone: string): { date: string; hour: number } => {
  const { date, hour } = localTime(at, timezone);
  return { date, hour };
};

/** The instant `date` at `hour`:00 in `timezone` (the first such instant when a clock change repeats it). */
export const zonedInstant = (date: string, hour: number, timezone: string): Date => {
  const wall = parse(date).getTime() + hour * 3_600_000;
  const offsetAt = (instant: number) => {
    const l = localTime(new Date(instant), timezone);
    return parse(l.date).getTime() + l.hour * 3_600_000 + l.minute * 60_000 - instant;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
};

/** The last send day on or before `date`: the weekday of a weekly report, day 1 of a monthly one. */
export const sendDayOnOrBefore = (frequency: ReportFrequency, weekday: number | null, date: string) =>
  frequency === 'monthly'
    ? `${date.slice(0, 8)}01`
    : addDays(date, -((isoWeekday(date) - (weekday ?? 1) + 7) % 7));

/** The send day after `sendDay`. */
export const nextSendDay = (frequency: ReportFrequency, sendDay: string) =>
  frequency === 'monthly' ? addMonths(sendDay, 1) : addDays(sendDay, 7);

/** The period a send day reports (both ends included): the 7 days before, or the month before. */
export const periodOf = (frequency: ReportFrequency, sendDay: string) => ({
  from: frequency === 'monthly' ? addMonths(sendDay, -1) : addDays(sendDay, -7),
  to: addDays(sendDay, -1),
});

/** The last send day whose send time (SEND_HOUR in `timezone`) is at or before `now`. */
export const lastSendDay = (
  frequency: ReportFrequency,
  weekday: number | null,
  now: Date,
  timezone: string,
) => {
  const local = localDateHour(now, timezone);
  const day = local.hour >= SEND_HOUR ? local.date : addDays(local.date, -1);
  return sendDayOnOrBefore(frequency, weekday, day);
};

/** When a subscription made (or changed) at `now` first runs: the next send time after `now`. */
export const firstRunAt = (frequency: ReportFrequency, weekday: number | null, now: Date, timezone: string) =>
  zonedInstant(nextSendDay(frequency, lastSendDay(frequency, weekday, now, timezone)), SEND_HOUR, timezone);
