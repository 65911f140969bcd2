import { featureFlagCatalog, isFeatureFlagKey, type KpiInfo } from '@tessera/contracts';
import { humanize } from '../../lib/records/labels';
import type { ChartKind, ChartOptions } from './chart-data';

export interface ReportChart {
  kind: ChartKind;
  options: ChartOptions;
}

/**
 * How a report page charts each KPI (the same chart options as the hub widgets, chart-data.ts); `null`: a
 * list-like KPI shown as its table only. A KPI not named here gets a line over time when grouped by time,
 * bars otherwise.
 */
const CHARTS: Record<string, ReportChart | null> = {
  'pipeline-value': { kind: 'bar', options: { category: 'stage', measure: 'valueCents' } },
  'win-rate': { kind: 'bar', options: { category: 'period', measure: 'won' } },
  'lead-funnel': {
    kind: 'funnel',
    options: { category: 'status', measure: 'reached', drillParam: 'status' },
  },
  'lead-sources': { kind: 'pie', options: { category: 'source', measure: 'leads', drillParam: 'source' } },
  'revenue-by-month': { kind: 'line', options: { category: 'period', measure: 'revenueCents' } },
  'sales-cycle': { kind: 'line', options: { category: 'period', measure: 'won' } },
  'invoice-ageing': { kind: 'bar', options: { category: 'bucket', measure: 'balanceCents' } },
  'ar-summary': { kind: 'line', options: { category: 'period', measure: 'invoicedCents' } },
  transactions: null,
  'appointment-performance': { kind: 'bar', options: { category: 'member', measure: 'held' } },
};

export function reportChart(kpi: Pick<KpiInfo, 'name' | 'grouped'>): ReportChart | null {
  const known = CHARTS[kpi.name];
  if (known !== undefined) return known;
  return { kind: kpi.grouped ? 'line' : 'bar', options: {} };
}

/** The heading of a module's reports in the list: the module's name as the feature flags call it. */
export const moduleLabel = (module: string) =>
  isFeatureFlagKey(module) ? featureFlagCatalog[module].label : humanize(module);

/** The reports grouped by module, in the order the API lists them. */
export function groupByModule<T extends Pick<KpiInfo, 'module'>>(kpis: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const kpi of kpis) groups.set(kpi.module, [...(groups.get(kpi.module) ?? []), kpi]);
  return [...groups.entries()];
}
