import type { BoardJob, Crew } from '@tessera/contracts';

export type BoardView = 'day' | 'week';
const HOUR = 3_600_000;
/** The day view shows 06:00–20:00 in hour columns; the week view seven day columns. */
export const DAY_START_HOUR = 6;
export const DAY_HOURS = 14;

export const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
export const startOfWeek = (d: Date) => {
  const s = startOfDay(d);
  return new Date(s.getFullYear(), s.getMonth(), s.getDate() - ((s.getDay() + 6) % 7));
};

/** The board's window [from, to) and its slots (columns), each with the time a drop there starts at. */
export function boardWindow(view: BoardView, anchor: Date) {
  if (view === 'day') {
    const day = startOfDay(anchor);
    const from = new Date(day.getTime() + DAY_START_HOUR * HOUR);
    const slots = Array.from({ length: DAY_HOURS }, (_, i) => new Date(from.getTime() + i * HOUR));
    return {
      from,
      to: new Date(from.getTime() + DAY_HOURS * HOUR),
      slots,
      slotLabel: (d: Date) => `${d.getHours()}:00`,
    };
  }
  const week = startOfWeek(anchor);
  const slots = Array.from(
    { length: 7 },
    (_, i) => new Date(week.getFullYear(), week.getMonth(), week.getDate() + i, 8),
  );
  return {
    from: week,
    to: new Date(week.getFullYear(), week.getMonth(), week.getDate() + 7),
    slots,
    slotLabel: (d: Date) => d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' }),
  };
}

/** Where a block sits in its row, in percent of the window (clipped to it). */
export function blockPosition(job: BoardJob, from: Date, to: Date) {
  const span = to.getTime() - from.getTime();
  const s = Math.max(Date.parse(job.scheduledStart ?? '') - from.getTime(), 0);
  const e = Math.min(Date.parse(job.scheduledEnd ?? '') - from.getTime(), span);
  return { left: (s / span) * 100, width: Math.max(((e - s) / span) * 100, 1.5) };
}

/** How long a dropped job lasts: its current window, else its estimate, else an hour. */
export const durationMs = (job: BoardJob) =>
  job.scheduledStart && job.scheduledEnd
    ? Date.parse(job.scheduledEnd) - Date.parse(job.scheduledStart)
    : (job.estimatedMinutes ?? 60) * 60_000;

/** A conflict worth a highlight: the crew lacks a skill the job needs, or two blocks overlap. */
export function conflictsOf(crew: Crew, jobs: BoardJob[]): Set<string> {
  const out = new Set<string>();
  for (const j of jobs) if (j.requiredSkills.some((s) => !crew.skills.includes(s))) out.add(j.id);
  const sorted = [...jobs].sort(
    (a, b) => Date.parse(a.scheduledStart ?? '') - Date.parse(b.scheduledStart ?? ''),
  );
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && Date.parse(cur.scheduledStart ?? '') < Date.parse(prev.scheduledEnd ?? '')) {
      out.add(prev.id);
      out.add(cur.id);
    }
  }
  return out;
}
