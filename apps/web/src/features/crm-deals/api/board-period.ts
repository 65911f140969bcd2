/** Which closed deals the won / lost columns show (`?closed=` on the board). */
export const BOARD_PERIODS = [
  { value: '30d', label: 'Closed in the last 30 days' },
  { value: 'month', label: 'Closed this month' },
  { value: 'quarter', label: 'Closed this quarter' },
  { value: 'year', label: 'Closed this year' },
] as const;

export type BoardPeriod = (typeof BOARD_PERIODS)[number]['value'];

export const DEFAULT_BOARD_PERIOD: BoardPeriod = '30d';

export const parseBoardPeriod = (value: string | null): BoardPeriod =>
  BOARD_PERIODS.find((period) => period.value === value)?.value ?? DEFAULT_BOARD_PERIOD;

/** Start of the period in local time (`now` for tests), as the API's `closedFrom`. */
export function periodStart(period: BoardPeriod, now = new Date()): string {
  const y = now.getFullYear();
  const m = now.getMonth();
  const start =
    period === 'month'
      ? new Date(y, m, 1)
      : period === 'quarter'
        ? new Date(y, m - (m % 3), 1)
        : period === 'year'
          ? new Date(y, 0, 1)
          : new Date(y, m, now.getDate() - 30);
  return start.toISOString();
}
