/** Date arithmetic on ISO days (UTC), for capacities and forecasts. */
const DAY = 86_400_000;
export const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => isoDay(dayMs(iso) + n * DAY);

/** Monday to Friday days in [from, to] (inclusive); 0 when to < from. */
export const weekdaysBetween = (from: string, to: string) => {
  let count = 0;
  for (let t = dayMs(from); t <= dayMs(to); t += DAY) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) count++;
  }
  return count;
};

/** Mondays from the week of `from` to the week of `to`. */
export const mondays = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = dayMs(from); t <= dayMs(to); t += 7 * DAY) out.push(isoDay(t));
  return out;
};

export const round1 = (n: number) => Math.round(n * 10) / 10;
