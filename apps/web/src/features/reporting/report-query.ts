import type { KpiFilterName, KpiInfo } from '@tessera/contracts';
import { kpiFilterNames, kpiGroupings } from '@tessera/contracts';

/** The period presets of a report page (`?period=`); `custom` takes `from` and `to`. */
export const periodPresets = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'this-year', label: 'This year' },
  { value: 'last-12-months', label: 'Last 12 months' },
  { value: 'custom', label: 'Custom' },
] as const;
export type PeriodPreset = (typeof periodPresets)[number]['value'];
export type Grouping = (typeof kpiGroupings)[number];

/** What a report page shows, as its URL says (shareable; the back button walks through changes). */
export interface ReportState {
  period: PeriodPreset;
  /** Only for `custom`. */
  from: string;
  to: string;
  grouping: Grouping;
  filters: Partial<Record<KpiFilterName, string>>;
}

/** The longest custom period the API takes (its own check: 3 × 366 days). */
const MAX_DAYS = 3 * 366;

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const isIsoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A preset's first and last day (both included) for `today` (the browser's calendar day). */
export function presetRange(
  preset: Exclude<PeriodPreset, 'custom'>,
  today = new Date(),
): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'this-month':
      return { from: iso(new Date(y, m, 1)), to: iso(today) };
    case 'last-month':
      return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) };
    case 'this-quarter':
      return { from: iso(new Date(y, m - (m % 3), 1)), to: iso(today) };
    case 'this-year':
      return { from: iso(new Date(y, 0, 1)), to: iso(today) };
    case 'last-12-months':
      // As the API's default: the day after the same day a year ago, through today.
      return { from: iso(new Date(y - 1, m, today.getDate() + 1)), to: iso(today) };
  }
}

/** The page state from the URL's query string; anything unknown or malformed falls back to the defaults. */
export function readReportState(search: URLSearchParams): ReportState {
  const asked = search.get('period');
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const period: PeriodPreset =
    periodPresets.find((p) => p.value === asked)?.value ?? (from || to ? 'custom' : 'last-12-months');
  const grouping = kpiGroupings.find((g) => g === search.get('grouping')) ?? 'month';
  const filters: ReportState['filters'] = {};
  for (const name of kpiFilterNames) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 100);
  }
  return {
    period,
    from: period === 'custom' ? from : '',
    to: period === 'custom' ? to : '',
    grouping,
    filters,
  };
}

/** The query string of a state (defaults left out, so a plain `/reports/<name>` is the default view). */
export function writeReportState(state: ReportState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.period !== 'last-12-months') p.set('period', state.period);
  if (state.period === 'custom') {
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
  }
  if (state.grouping !== 'month') p.set('grouping', state.grouping);
  for (const name of kpiFilterNames) {
    const value = state.filters[name];
    if (value) p.set(name, value);
  }
  return p;
}

/** Why a custom period cannot be asked for, or undefined. */
export function periodError(state: ReportState): string | undefined {
  if (state.period !== 'custom') return undefined;
  if (!isIsoDate(state.from) || !isIsoDate(state.to)) return 'Pick both days.';
  if (state.from > state.to) return 'The period ends before it starts.';
  if ((Date.parse(state.to) - Date.parse(state.from)) / 86_400_000 > MAX_DAYS) return 'At most three years.';
  return undefined;
}

export type ReportApiQuery = Partial<Record<'from' | 'to' | 'grouping' | KpiFilterName, string>>;

/**
 * The API query of a state for one KPI: the period (not for a KPI that shows figures now), the grouping only
 * for a KPI grouped by time, and only the filters the KPI takes (another one would be a 400).
 */
export function reportApiQuery(
  kpi: Pick<KpiInfo, 'grouped' | 'period'> & { filters: readonly KpiFilterName[] },
  state: ReportState,
  today = new Date(),
): ReportApiQuery {
  const q: ReportApiQuery = {};
  if (kpi.period !== 'none') {
    const range =
      state.period === 'custom' ? { from: state.from, to: state.to } : presetRange(state.period, today);
    q.from = range.from;
    q.to = range.to;
  }
  if (kpi.grouped) q.grouping = state.grouping;
  for (const name of kpi.filters) {
    const value = state.filters[name];
    if (value) q[name] = value;
  }
  return q;
}
