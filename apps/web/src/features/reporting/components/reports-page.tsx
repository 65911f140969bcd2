import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { focusRing } from '../../../components/ui/focus-ring';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { cn } from '../../../lib/cn';
import { useKpiList } from '../api/reports';
import { groupByModule, moduleLabel } from '../report-charts';
import { MyReportEmails } from './report-emails';

/** `/reports` (reports.view): the reports the member may run, by module; each opens `/reports/:name`. */
export function ReportsPage() {
  useDocumentTitle('Reports');
  const list = useKpiList();
  const canExport = usePermission('reports.export');
  return (
    <>
      <PageHeader
        title="Reports"
        description="Figures across your modules: pick a report, its period and filters."
      />
      {list.isPending ? <Skeleton className="h-64" /> : null}
      {list.error ? (
        <ErrorAlert
          error={list.error}
          title="Could not load the reports"
          onRetry={() => void list.refetch()}
        />
      ) : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState
          title="No reports for you yet"
          description="Reports come with the modules you may use; ask an administrator for access."
        />
      ) : null}
      {list.data && list.data.length > 0 ? (
        <div className="grid gap-6" data-testid="report-list">
          {groupByModule(list.data).map(([module, kpis]) => (
            <Card key={module} aria-labelledby={`reports-${module}`}>
              <CardHeader titleId={`reports-${module}`} title={moduleLabel(module)} />
              <CardBody>
                <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {kpis.map((kpi) => (
                    <li key={kpi.name}>
                      <Link
                        to={`/reports/${kpi.name}`}
                        className={cn(
                          'block h-full rounded-lg border border-zinc-200 p-3 transition-colors hover:border-indigo-300 hover:bg-indigo-50/50 dark:border-zinc-800 dark:hover:border-indigo-500/40 dark:hover:bg-indigo-500/5',
                          focusRing,
                        )}
                      >
                        <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">
                          {kpi.title}
                        </span>
                        <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">
                          {kpi.description}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ))}
        </div>
      ) : null}
      {canExport && list.data && list.data.length > 0 ? (
        <div className="mt-6">
          <MyReportEmails />
        </div>
      ) : null}
    </>
  );
}
