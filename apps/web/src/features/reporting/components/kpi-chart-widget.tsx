import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { buttonClasses } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDate } from '../../../lib/format';
import { tenantFormatting } from '../../../lib/tenant-format';
import {
  type ChartKind,
  type ChartSeries,
  chartOptionsOf,
  chartSeries,
  compactValue,
  drillDownUrl,
  seriesSummary,
} from '../chart-data';
import { formatKpiValue, type KpiWidgetProps, useKpi } from './kpi-widgets';

/** The charting library, in its own chunk: fetched when the first chart renders, not with the app. */
const KpiChart = lazy(() => import('./kpi-chart').then((m) => ({ default: m.KpiChart })));

const linkClass = 'text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400';

/** The series as a table: the accessible (and printable) form of the chart, each category linking to its list. */
function SeriesTable({
  series,
  format,
  hrefOf,
}: {
  series: ChartSeries;
  format: (v: number) => string;
  hrefOf: (key: string | null) => string | null;
}) {
  return (
    <table className="w-full text-sm" data-testid="chart-table">
      <thead>
        <tr>
          <th className="px-2 py-1 text-left font-medium text-zinc-600 dark:text-zinc-400">
            {series.category.label}
          </th>
          <th className="px-2 py-1 text-right font-medium text-zinc-600 dark:text-zinc-400">
            {series.measure.label}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {series.points.map((p) => {
          const href = hrefOf(p.key);
          return (
            <tr key={p.key ?? 'none'}>
              <td className="px-2 py-1">
                {href ? (
                  <Link className={linkClass} to={href}>
                    {p.label}
                  </Link>
                ) : (
                  p.label
                )}
              </td>
              <td className="px-2 py-1 text-right tabular-nums">{format(p.value)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The chart of a series (the lazily loaded charting chunk), named by a one-sentence summary of its figures; a
 * click on a segment opens the KPI's list filtered by it. Used by the chart widgets and the report pages.
 */
export function KpiChartFigure({
  title,
  kind,
  series,
  drillDown,
  drillParam,
  className = 'h-56',
}: {
  title: string;
  kind: ChartKind;
  series: ChartSeries;
  drillDown: string | null;
  drillParam: string | undefined;
  className?: string;
}) {
  const navigate = useNavigate();
  const format = (v: number) => formatKpiValue(series.measure.kind, v);
  return (
    <div role="img" aria-label={seriesSummary(title, series, format)} className={className}>
      <Suspense fallback={<Skeleton className="h-full" />}>
        <KpiChart
          kind={kind}
          series={series}
          format={format}
          formatTick={(v) => compactValue(series.measure.kind, v, tenantFormatting())}
          onSelect={
            drillDown
              ? (point) => {
                  const href = drillDownUrl(drillDown, drillParam, point.key);
                  if (href) navigate(href);
                }
              : undefined
          }
        />
      </Suspense>
    </div>
  );
}

/**
 * A bar/line/funnel/pie chart of a KPI (hub widget types `*-chart`). Options: `category`, `measure`,
 * `drillParam` (see chart-data.ts), `grouping`. A click on a segment opens the filtered list; "Table" shows the
 * same figures as a table with links (keyboard and screen reader users get the chart's summary as its name).
 */
export function KpiChartWidget({ kind, ...props }: KpiWidgetProps & { kind: ChartKind }) {
  const kpi = useKpi(props);
  const [asTable, setAsTable] = useState(false);
  const options = chartOptionsOf(props.options);
  const data = kpi.data;
  const series = data ? chartSeries(data, kind, options, (iso) => formatDate(`${iso}T00:00:00`)) : null;
  const format = (v: number) => formatKpiValue(series?.measure.kind ?? 'number', v);
  const hrefOf = (key: string | null) => drillDownUrl(data?.drillDown ?? null, options.drillParam, key);
  const empty = !series || series.points.every((p) => p.value === 0);
  return (
    <Card className="flex h-full flex-col" data-testid="kpi-chart" data-chart={kind}>
      <CardHeader
        title={props.title}
        actions={
          <>
            {series && !empty ? (
              <button
                type="button"
                className={buttonClasses({ variant: 'ghost', size: 'sm' })}
                aria-pressed={asTable}
                onClick={() => setAsTable((v) => !v)}
              >
                {asTable ? 'Chart' : 'Table'}
              </button>
            ) : null}
            {data?.drillDown ? (
              <Link className={linkClass} to={data.drillDown}>
                Open list
              </Link>
            ) : null}
          </>
        }
      />
      <CardBody className="min-h-64 flex-1">
        {kpi.isPending ? <Skeleton className="h-56" /> : null}
        {kpi.error ? <ErrorAlert error={kpi.error} title="Not available" /> : null}
        {data && empty ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No data in this period.</p>
        ) : null}
        {series && !empty && asTable ? <SeriesTable series={series} format={format} hrefOf={hrefOf} /> : null}
        {series && !empty && !asTable ? (
          <KpiChartFigure
            title={props.title}
            kind={kind}
            series={series}
            drillDown={data?.drillDown ?? null}
            drillParam={options.drillParam}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
