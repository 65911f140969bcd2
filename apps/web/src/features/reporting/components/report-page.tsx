import type { KpiColumn, KpiInfo, KpiResult } from '@tessera/contracts';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField, type SelectOption, TextField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { useDownloadReportCsv, useKpiList, useReport } from '../api/reports';
import { chartSeries } from '../chart-data';
import { reportChart } from '../report-charts';
import {
  type Grouping,
  type PeriodPreset,
  periodError,
  periodPresets,
  presetRange,
  type ReportState,
  readReportState,
  reportApiQuery,
  writeReportState,
} from '../report-query';
import { KpiChartFigure } from './kpi-chart-widget';
import { formatKpiValue } from './kpi-widgets';
import { EmailMeControl } from './report-emails';

/** The choices of the filter pickers, handed in by the app (features do not import each other). */
export interface ReportPickers {
  /** "Me" first, then the members (only "Me" without `members.view`). */
  owners: readonly SelectOption[];
  /** Undefined without the permission to list them (the picker is left out). */
  teams: readonly SelectOption[] | undefined;
  pipelines: readonly SelectOption[] | undefined;
}

const linkClass = 'text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400';
const day = (iso: string) => formatDate(`${iso}T12:00:00`);

/** The page's filters: period (presets or custom days), grouping, and the filters the KPI takes. */
function ReportFilters({
  kpi,
  state,
  pickers,
  onChange,
}: {
  kpi: KpiInfo;
  state: ReportState;
  pickers: ReportPickers;
  onChange: (patch: Partial<ReportState>) => void;
}) {
  const [source, setSource] = useState(state.filters.source ?? '');
  useEffect(() => setSource(state.filters.source ?? ''), [state.filters.source]);
  const filter = (name: keyof ReportState['filters'], value: string) =>
    onChange({ filters: { ...state.filters, [name]: value || undefined } });
  const choosePeriod = (period: PeriodPreset) =>
    onChange(
      period === 'custom'
        ? {
            period,
            ...(state.period === 'custom' ? {} : presetRange(state.period)),
          }
        : { period, from: '', to: '' },
    );
  const error = periodError(state);
  const takes = (name: keyof ReportState['filters']) => kpi.filters.includes(name);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label="Report filters"
      data-testid="report-filters"
      onSubmit={(e) => {
        e.preventDefault();
        filter('source', source.trim());
      }}
    >
      {kpi.period !== 'none' ? (
        <SelectField
          label={kpi.period === 'end' ? 'As of the end of' : 'Period'}
          value={state.period}
          onChange={(e) => choosePeriod(e.target.value as PeriodPreset)}
          options={periodPresets}
        />
      ) : null}
      {kpi.period !== 'none' && state.period === 'custom' ? (
        <>
          <TextField
            label="From"
            type="date"
            value={state.from}
            max={state.to || undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <TextField
            label="To"
            type="date"
            value={state.to}
            min={state.from || undefined}
            error={error}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </>
      ) : null}
      {kpi.grouped ? (
        <SelectField
          label="Group by"
          value={state.grouping}
          onChange={(e) => onChange({ grouping: e.target.value as Grouping })}
          options={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
        />
      ) : null}
      {takes('ownerId') ? (
        <SelectField
          label="Owner"
          value={state.filters.ownerId ?? ''}
          onChange={(e) => filter('ownerId', e.target.value)}
          placeholder="Everyone"
          options={pickers.owners}
        />
      ) : null}
      {takes('teamId') && pickers.teams ? (
        <SelectField
          label="Team"
          value={state.filters.teamId ?? ''}
          onChange={(e) => filter('teamId', e.target.value)}
          placeholder="All teams"
          options={pickers.teams}
        />
      ) : null}
      {takes('pipelineId') && pickers.pipelines ? (
        <SelectField
          label="Pipeline"
          value={state.filters.pipelineId ?? ''}
          onChange={(e) => filter('pipelineId', e.target.value)}
          placeholder={kpi.name === 'pipeline-value' ? 'Default pipeline' : 'All pipelines'}
          options={pickers.pipelines}
        />
      ) : null}
      {takes('source') ? (
        <TextField
          label="Source"
          value={source}
          maxLength={100}
          placeholder="Any source"
          onChange={(e) => setSource(e.target.value)}
          onBlur={() => {
            if (source.trim() !== (state.filters.source ?? '')) filter('source', source.trim());
          }}
        />
      ) : null}
    </form>
  );
}

/** A cell: codes (`in_progress`) as words, like the chart's categories; other values by their column kind. */
const cellText = (c: KpiColumn, value: string | number | null | undefined) =>
  c.kind === 'text' && typeof value === 'string' && /^[a-z][a-z0-9_]*$/.test(value)
    ? humanize(value)
    : formatKpiValue(c.kind, value);

/** The report's rows with a totals line; money columns are left out when the API hides them. */
function ReportTable({ data, busy }: { data: KpiResult; busy: boolean }) {
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
function ReportChartCard({ kpi, data }: { kpi: KpiInfo; data: KpiResult }) {
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

/**
 * `/reports/:name` (reports.view + the KPI's permission): one report with its period, grouping and filters —
 * all in the query string, so a view can be shared and the back button undoes a change — its chart, its table
 * with totals, the CSV download (reports.export; the same query) and the link to the filtered list.
 */
export function ReportPage({ pickers }: { pickers: ReportPickers }) {
  const { name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const state = readReportState(search);
  const list = useKpiList();
  const kpi = list.data?.find((k) => k.name === name);
  useDocumentTitle(kpi?.title ?? 'Reports');
  const invalid = periodError(state);
  const query = kpi && !invalid ? reportApiQuery(kpi, state) : null;
  const report = useReport(name, query);
  const canExport = usePermission('reports.export');
  const download = useDownloadReportCsv();
  const onChange = (patch: Partial<ReportState>) => setSearch(writeReportState({ ...state, ...patch }));
  const back = (
    <Link className={linkClass} to="/reports">
      All reports
    </Link>
  );

  if (list.isPending) return <Skeleton className="h-96" />;
  if (list.error)
    return (
      <ErrorAlert error={list.error} title="Could not load the report" onRetry={() => void list.refetch()} />
    );
  if (!kpi)
    return (
      <EmptyState
        headingLevel={1}
        title="Report not available"
        description="There is no such report, or your role may not run it."
        action={back}
      />
    );

  const data = report.data;
  return (
    <>
      <PageHeader
        title={kpi.title}
        description={kpi.description}
        actions={
          <>
            {back}
            {canExport && query ? <EmailMeControl kpi={kpi} query={query} /> : null}
            {canExport && query ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={download.isPending}
                onClick={() => download.mutate({ name: kpi.name, query })}
              >
                {download.isPending ? 'Preparing…' : 'Download CSV'}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4">
        <Card>
          <CardBody>
            <ReportFilters kpi={kpi} state={state} pickers={pickers} onChange={onChange} />
          </CardBody>
        </Card>
        {download.error ? (
          <ErrorAlert error={download.error} title="The CSV could not be downloaded" />
        ) : null}
        {invalid ? <Alert tone="warning">{invalid}</Alert> : null}
        {query && report.isPending ? <Skeleton className="h-72" /> : null}
        {report.error ? (
          <ErrorAlert
            error={report.error}
            title="Could not run the report"
            onRetry={() => void report.refetch()}
          />
        ) : null}
        {data ? (
          <>
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="report-period">
              {kpi.period === 'none'
                ? 'Figures now (the period does not apply).'
                : kpi.period === 'end'
                  ? `As of ${day(data.period.to)}`
                  : `${day(data.period.from)} – ${day(data.period.to)}`}
              {kpi.grouped ? ` · by ${data.period.grouping}` : ''} · {data.period.timezone}
            </p>
            {data.moneyHidden ? (
              <Alert tone="info" role="status">
                Amounts are hidden for your role.
              </Alert>
            ) : null}
            <ReportChartCard kpi={kpi} data={data} />
            <Card>
              <CardHeader
                title="Figures"
                actions={
                  data.drillDown ? (
                    <Link className={linkClass} to={data.drillDown}>
                      Open list
                    </Link>
                  ) : null
                }
              />
              <CardBody>
                <ReportTable data={data} busy={report.isPlaceholderData} />
              </CardBody>
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
