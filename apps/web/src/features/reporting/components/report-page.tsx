import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useDownloadReportCsv, useKpiList, useReport } from '../api/reports';
import {
  periodError,
  type ReportState,
  readReportState,
  reportApiQuery,
  writeReportState,
} from '../report-query';
import { EmailMeControl } from './report-emails';
import { day, ReportChartCard, ReportTable } from './report-figures';
import { ReportFilters, type ReportPickers } from './report-filters';

export type { ReportPickers } from './report-filters';

const linkClass = 'text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400';

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
