import type { KpiColumn, KpiInfo, KpiResult } from '@tessera/contracts';
import { Card, CardBody } from '../../../components/ui/card';
import { formatDate } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { chartSeries } from '../chart-data';
import { reportChart } from '../report-charts';
import { KpiChartFigure } from './kpi-chart-widget';
import { formatKpiValue } from './kpi-widgets';

// A report's figures: its chart and its table with totals (report-page.tsx).

/** A day of the report's period, at noon (no time-zone shift of the date). */
export const day = (iso: string) => formatDate(`${iso}T12:00:00`);

/** A cell: codes (`in_progress`) as words, like the chart's categories; other values by their column kind. */
const cellText = (c: KpiColumn, value: string | number | null | undefined) =>
  c.kind === 'text' && typeof value === 'string' && /^[a-z][a-z0-9_]*$/.test(value)
    ? humanize(value)
    : formatKpiValue(c.kind, value);

/** The report's rows with a totals line; money columns are left out when the API hides them. */
export function ReportTable({ data, busy }: { data: KpiResult; busy: boolean }) {
  const columns = data.columns.filter((c) => !(data.moneyHidden && c.kind === 'money'));
  const align = (c: KpiColumn) => (c.kind === 'text' || c.kind === 'date' ? 'text-left' : 'text-right');
  if (data.rows.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No data in this period.</p>;
  return (
    <div className="overflow-x-auto">
      <table
        className={`w-full text-sm transition-opacity ${busy ? 'opacity-60' : ''}`}
        data-testid="report-table"
        aria-busy={busy}
      >
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`whitespace-nowrap px-2 py-2 font-medium text-zinc-600 dark:text-zinc-400 ${align(c)}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: KPI rows have no id; their order is fixed
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className={`whitespace-nowrap px-2 py-1.5 tabular-nums ${align(c)}`}>
                  {cellText(c, row[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-zinc-200 font-semibold dark:border-zinc-700">
          <tr data-testid="report-totals">
            {columns.map((c, i) => (
              <td key={c.key} className={`whitespace-nowrap px-2 py-2 tabular-nums ${align(c)}`}>
                {i === 0 ? 'Total' : formatKpiValue(c.kind, data.totals[c.key])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The chart of a report (the widgets' lazily loaded chart), or nothing for a list-like KPI. */
export function ReportChartCard({ kpi, data }: { kpi: KpiInfo; data: KpiResult }) {
  const chart = reportChart(kpi);
  if (!chart) return null;
  const series = chartSeries(data, chart.kind, chart.options, day);
  const empty = !series || series.points.every((p) => p.value === 0);
  return (
    <Card data-testid="report-chart">
      <CardBody>
        {empty || !series ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No data in this period.</p>
        ) : (
          <KpiChartFigure
            title={kpi.title}
            kind={chart.kind}
            series={series}
            drillDown={data.drillDown}
            drillParam={chart.options.drillParam}
            className="h-72"
          />
        )}
      </CardBody>
    </Card>
  );
}
