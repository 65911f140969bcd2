// Schedule arithmetic of recurring invoices: one pure function, used by the server (the job) and the web
// (the next dates an editor shows).

export const RECURRENCE_UNITS = ['day', 'week', 'month'] as const;
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number];

export interface Recurrence {
  unit: RecurrenceUnit;
  every: number;
  startDate: string;
  endDate?: string | null;
  maxCount?: number | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The date of period `index` (0 = the start date). Months are counted from the start date, never from the
 * previous period, and a day the month does not have becomes its last day: Jan 31 → Feb 28 (29) → Mar 31.
 */
export const occurrenceDate = (
  startDate: string,
  unit: RecurrenceUnit,
  every: number,
  index: number,
): string => {
  const start = new Date(`${startDate}T00:00:00Z`);
  if (unit !== 'month') {
    const days = index * every * (unit === 'week' ? 7 : 1);
    return iso(new Date(start.getTime() + days * 86_400_000));
  }
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + index * every;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay))));
};

/** The date of period `index`, or null when the schedule ended before it (end date or count reached). */
export const periodDate = (r: Recurrence, index: number): string | null => {
  if (r.maxCount != null && index >= r.maxCount) return null;
  const date = occurrenceDate(r.startDate, r.unit, r.every, index);
  if (r.endDate && date > r.endDate) return null;
  return date;
};

/** The next `count` period dates from period `from` on (fewer when the schedule ends). */
export const upcomingDates = (r: Recurrence, from: number, count: number): string[] => {
  const out: string[] = [];
  for (let i = from; out.length < count; i++) {
    const d = periodDate(r, i);
    if (!d) break;
    out.push(d);
  }
  return out;
};
