import type { KpiColumn, KpiResult } from '@tessera/contracts';
import { humanize } from '../../lib/records/labels';

export type ChartKind = 'bar' | 'line' | 'funnel' | 'pie';

/** What a chart widget's `options` may say (all optional; sensible defaults from the KPI's columns). */
export interface ChartOptions {
  /** The column whose values name the bars/points/segments (default: the first text or date column). */
  category?: string;
  /** The column charted (default: the first number or money column; a hidden money column is skipped). */
  measure?: string;
  /** The list filter a click on a segment sets to its category value (e.g. `status`); none: the KPI's list. */
  drillParam?: string;
}

export interface ChartPoint {
  /** The category value as the API sent it (what a drill-down filters by). */
  key: string | null;
  /** The category as people read it. */
  label: string;
  value: number;
}

export interface ChartSeries {
  category: KpiColumn;
  measure: KpiColumn;
  points: ChartPoint[];
}

const isNumeric = (c: KpiColumn) => c.kind === 'number' || c.kind === 'money';
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** An axis tick: short (compact notation), money in the company's currency. */
export function compactValue(
  kind: KpiColumn['kind'],
  value: number,
  { locale, currency = 'USD' }: { locale?: string; currency?: string },
): string {
  const options: Intl.NumberFormatOptions =
    kind === 'money' ? { style: 'currency', currency, notation: 'compact' } : { notation: 'compact' };
  try {
    return new Intl.NumberFormat(locale, options).format(kind === 'money' ? value / 100 : value);
  } catch {
    return String(kind === 'money' ? value / 100 : value);
  }
}

export const chartOptionsOf = (options: Record<string, unknown>): ChartOptions => ({
  category: str(options.category),
  measure: str(options.measure),
  drillParam: str(options.drillParam),
});

/** A category value as a label: dates by the caller's formatter, codes humanized, no value as "None". */
export function categoryLabel(
  column: KpiColumn,
  value: string | number | null | undefined,
  formatDate: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return 'None';
  if (column.kind === 'date') return formatDate(String(value));
  return typeof value === 'string' ? humanize(value) : String(value);
}

/**
 * A KPI result as one chart series: the category and measure columns, one point per category (rows with the
 * same category are added up, e.g. leads by source over vendors). A money measure the caller may not see
 * falls back to the first count; a funnel drops steps without a value (e.g. "lost" beside the funnel).
 */
export function chartSeries(
  result: Pick<KpiResult, 'columns' | 'rows' | 'moneyHidden'>,
  kind: ChartKind,
  options: ChartOptions,
  formatDate: (iso: string) => string = (iso) => iso,
): ChartSeries | null {
  const { columns } = result;
  const visible = (c: KpiColumn) => isNumeric(c) && !(c.kind === 'money' && result.moneyHidden);
  const category =
    columns.find((c) => c.key === options.category) ??
    columns.find((c) => c.kind === 'text' || c.kind === 'date');
  const wanted = columns.find((c) => c.key === options.measure);
  const measure = wanted && visible(wanted) ? wanted : columns.find((c) => c.kind === 'number');
  if (!category || !measure) return null;
  const byKey = new Map<string, ChartPoint>();
  for (const row of result.rows) {
    const raw = row[measure.key];
    if (kind === 'funnel' && (raw === null || raw === undefined)) continue;
    const key = row[category.key] ?? null;
    const id = key === null ? '\u0000' : String(key);
    const point = byKey.get(id) ?? {
      key: key === null ? null : String(key),
      label: categoryLabel(category, key, formatDate),
      value: 0,
    };
    point.value += Number(raw ?? 0);
    byKey.set(id, point);
  }
  return { category, measure, points: [...byKey.values()] };
}

/**
 * Where a click on a point goes: the KPI's filtered list (`drillDown`, with the query's filters) plus
 * `drillParam=<the point's category>`; the list without it when the point has no value to filter by.
 * Null when the KPI has no list.
 */
export function drillDownUrl(
  drillDown: string | null,
  drillParam: string | undefined,
  key: string | null,
): string | null {
  if (!drillDown) return null;
  if (!drillParam || key === null) return drillDown;
  const [path, search = ''] = drillDown.split('?');
  const params = new URLSearchParams(search);
  params.set(drillParam, key);
  return `${path}?${params}`;
}

/** A one-sentence summary of a series for screen readers (the chart's accessible name). */
export function seriesSummary(title: string, series: ChartSeries, format: (v: number) => string): string {
  if (series.points.length === 0) return `${title}: no data`;
  return `${title} (${series.measure.label}): ${series.points.map((p) => `${p.label} ${format(p.value)}`).join(', ')}`;
}
