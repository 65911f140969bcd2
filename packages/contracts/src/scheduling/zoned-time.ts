/**
 * Wall-clock time in an IANA zone ↔ UTC instants, from the runtime's own zone data (Intl; Node 24 has no
 * Temporal without a flag). No offset tables of our own: the offset at an instant is what Intl reports.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (zone: string) => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, f);
  }
  return f;
};

/** The zone's offset from UTC in minutes at `instant` (Berlin in summer: 120; New York in winter: −300). */
export const offsetMinutes = (zone: string, instant: number): number => {
  const name = formatter(zone)
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0; // "GMT": UTC itself
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
};

/** A local calendar date "YYYY-MM-DD" as UTC-midnight milliseconds (for date arithmetic only). */
const parsedDates = new Map<string, number>();
export const dateMs = (date: string) => {
  let ms = parsedDates.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    if (parsedDates.size > 50_000) parsedDates.clear();
    parsedDates.set(date, ms);
  }
  return ms;
};
export const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => new Date(dateMs(date)).getUTCDay() || 7;
export const addDays = (date: string, days: number) => dateOf(dateMs(date) + days * 24 * HOUR);

/**
 * The instant a wall-clock time on a date has in `zone` (minutes may be 1440: midnight of the next day).
 * Like Temporal's "compatible" disambiguation: a time skipped by a spring-forward gap moves forward by the
 * gap (02:30 → 03:30 in Berlin); a time that happens twice (autumn) is its earlier occurrence.
 */
export const zonedToUtc = (zone: string, date: string, minutes: number): number => {
  const local = dateMs(date) + minutes * MINUTE;
  const steady = steadyOffset(zone, date);
  if (steady !== undefined && minutes >= 0 && minutes <= 24 * 60) return local - steady * MINUTE;
  const before = offsetMinutes(zone, local - 12 * HOUR);
  const after = offsetMinutes(zone, local + 12 * HOUR);
  if (before === after) return local - before * MINUTE;
  const early = local - before * MINUTE;
  const late = local - after * MINUTE;
  const earlyValid = offsetMinutes(zone, early) === before;
  const lateValid = offsetMinutes(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // in the gap: the offset before the change, i.e. shifted forward by the gap
};

const steadyDays = new Map<string, number | null>();
/**
 * The zone's offset on a local date when it is the same from 12 h before that day to 12 h after it (no change
 * near the day: every wall time of it maps with that offset), else undefined. Remembered per zone and date.
 */
const steadyOffset = (zone: string, date: string): number | undefined => {
  const key = `${zone}|${date}`;
  let value = steadyDays.get(key);
  if (value === undefined) {
    const start = dateMs(date);
    const a = offsetMinutes(zone, start - 12 * HOUR - 14 * HOUR);
    const b = offsetMinutes(zone, start + 36 * HOUR + 14 * HOUR);
    value = a === b ? a : null;
    if (steadyDays.size > 50_000) steadyDays.clear();
    steadyDays.set(key, value);
  }
  return value ?? undefined;
};

/** The local calendar date and minute of day of `instant` in `zone`. */
export const wallClock = (zone: string, instant: number): { date: string; minutes: number } => {
  const local = instant + offsetMinutes(zone, instant) * MINUTE;
  const d = new Date(local);
  return { date: dateOf(local), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
};
