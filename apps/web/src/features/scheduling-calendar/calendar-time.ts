import { addDays, isoWeekday, wallClock, zonedToUtc } from '@tessera/contracts';

/** The calendar's pure logic: days in a zone, where blocks sit, how overlapping blocks share a column, drags. */

export type CalendarView = 'day' | 'week' | 'team';
export const MINUTE = 60_000;
/** Visible hours of a day column (local time of the shown zone). */
export const DAY_START = 7 * 60;
export const DAY_END = 20 * 60;
/** Drags and resizes snap to this many minutes. */
export const SNAP = 15;

/** Today's date "YYYY-MM-DD" in `zone`. */
export const todayIn = (zone: string, now = Date.now()) => wallClock(zone, now).date;

/** The dates a view shows around `anchor`: one day, or Monday–Sunday of its week. */
export function viewDates(view: CalendarView, anchor: string): string[] {
  if (view !== 'week') return [anchor];
  const monday = addDays(anchor, 1 - isoWeekday(anchor));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The next or previous anchor (a day, or a week). */
export const shiftAnchor = (view: CalendarView, anchor: string, dir: 1 | -1) =>
  addDays(anchor, dir * (view === 'week' ? 7 : 1));

/** The UTC window [from, to) covering `dates` (local days in `zone`), as ISO strings. */
export function windowOf(zone: string, dates: readonly string[]) {
  const first = dates[0] ?? todayIn(zone);
  const last = dates.at(-1) ?? first;
  return {
    from: new Date(zonedToUtc(zone, first, 0)).toISOString(),
    to: new Date(zonedToUtc(zone, addDays(last, 1), 0)).toISOString(),
  };
}

export interface Timed {
  id: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Where a block sits in a day column of `date` in `zone`, as percentages of the visible hours; null when it
 * is not on that day. A block that began the day before or runs past the end is clipped to the column.
 */
export function blockPlacement(item: Timed, zone: string, date: string, start = DAY_START, end = DAY_END) {
  const dayFrom = zonedToUtc(zone, date, start);
  const dayTo = zonedToUtc(zone, date, end);
  const s = Date.parse(item.startsAt);
  const e = Date.parse(item.endsAt);
  if (e <= dayFrom || s >= dayTo) return null;
  const span = dayTo - dayFrom;
  const top = ((Math.max(s, dayFrom) - dayFrom) / span) * 100;
  const bottom = ((Math.min(e, dayTo) - dayFrom) / span) * 100;
  return { top, height: Math.max(bottom - top, 1.5) };
}

/**
 * Side-by-side columns for overlapping blocks of one day: each block gets a column index and the number of
 * columns of its cluster (blocks linked by overlaps), so a block is `1 / columns` wide at `column / columns`.
 */
export function layoutOverlaps<T extends Timed>(items: readonly T[]) {
  const sorted = [...items].sort(
    (a, b) =>
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      Date.parse(b.endsAt) - Date.parse(a.endsAt) ||
      a.id.localeCompare(b.id),
  );
  const out = new Map<string, { column: number; columns: number }>();
  let cluster: { id: string; column: number }[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const c of cluster) out.set(c.id, { column: c.column, columns: columnEnds.length });
    cluster = [];
    columnEnds = [];
  };
  for (const item of sorted) {
    const s = Date.parse(item.startsAt);
    const e = Date.parse(item.endsAt);
    if (s >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= s);
    if (column === -1) {
      column = columnEnds.length;
      columnEnds.push(e);
    } else columnEnds[column] = e;
    cluster.push({ id: item.id, column });
    clusterEnd = Math.max(s >= clusterEnd ? e : clusterEnd, e);
  }
  close();
  return out;
}

/** A vertical position in a day column (0…1 of its height) as minutes of the day, snapped. */
export function minutesAt(fraction: number, start = DAY_START, end = DAY_END, snap = SNAP) {
  const raw = start + Math.min(Math.max(fraction, 0), 1) * (end - start);
  return Math.min(Math.max(Math.round(raw / snap) * snap, start), end);
}

/** The instant a local time of a day column has (ISO). */
export const instantAt = (zone: string, date: string, minutes: number) =>
  new Date(zonedToUtc(zone, date, minutes)).toISOString();

/** A block dropped with its top at `minutes` of `date`: new start and end, the length kept. */
export function movedTo(item: Timed, zone: string, date: string, minutes: number) {
  const length = Date.parse(item.endsAt) - Date.parse(item.startsAt);
  const startsAt = zonedToUtc(zone, date, minutes);
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + length).toISOString() };
}

/** A block's bottom edge dragged by `deltaMinutes`: the new end, snapped, at least one snap long. */
export function resizedEnd(item: Timed, deltaMinutes: number, snap = SNAP) {
  const start = Date.parse(item.startsAt);
  const length = (Date.parse(item.endsAt) - start) / MINUTE;
  const next = Math.max(Math.round((length + deltaMinutes) / snap) * snap, snap);
  return new Date(start + next * MINUTE).toISOString();
}

/** "09:30" of an instant in `zone`. */
export function clock(iso: string, zone: string) {
  const { minutes } = wallClock(zone, Date.parse(iso));
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "Mon 7 Dec" of a calendar date (no zone games: the date is already local). */
export function dayLabel(date: string) {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
