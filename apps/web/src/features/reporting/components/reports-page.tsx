import type { KpiInfo, ReportFrequency, ReportSubscription } from '@tessera/contracts';
import { useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Select } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import {
  useKpiList,
  useReportSubscriptionMutations,
  useReportSubscriptions,
} from '../api/report-subscriptions';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Weekly on Monday" / "Monthly on day 1". */
export const scheduleLabel = (s: Pick<ReportSubscription, 'frequency' | 'weekday'>) =>
  s.frequency === 'monthly' ? 'Monthly on day 1' : `Weekly on ${WEEKDAYS[(s.weekday ?? 1) - 1]}`;

/** The "E-mail me this report" control of one KPI: weekly (a weekday) or monthly, to my own address. */
function EmailMeControl({ kpi }: { kpi: KpiInfo }) {
  const { create } = useReportSubscriptionMutations();
  const [choice, setChoice] = useState('weekly-1');
  const [done, setDone] = useState(false);
  const [frequency, day] = choice.split('-') as [ReportFrequency, string | undefined];
  const subscribe = () => {
    setDone(false);
    create.mutate(
      { kpi: kpi.name, frequency, ...(frequency === 'weekly' ? { weekday: Number(day) } : {}) },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={`${kpi.title}: how often`}
        className="sm:max-w-xs"
        value={choice}
        onChange={(e) => {
          setDone(false);
          setChoice(e.target.value);
        }}
      >
        {WEEKDAYS.map((name, i) => (
          <option key={name} value={`weekly-${i + 1}`}>
            Weekly on {name} (last 7 days)
          </option>
        ))}
        <option value="monthly">Monthly on day 1 (last month)</option>
      </Select>
      <Button size="sm" onClick={subscribe} disabled={create.isPending}>
        E-mail me this report
      </Button>
      {done ? <span className="text-sm text-emerald-700 dark:text-emerald-400">Subscribed.</span> : null}
      {create.error ? <ErrorAlert error={create.error} className="w-full" /> : null}
    </div>
  );
}

/** My report e-mails: schedule, next send, pause/resume, delete. */
function MySubscriptions() {
  const list = useReportSubscriptions();
  const { update, remove } = useReportSubscriptionMutations();
  return (
    <Card aria-labelledby="my-report-emails">
      <CardHeader titleId="my-report-emails" title="My report e-mails" />
      <CardBody className="space-y-3">
        {list.isPending ? (
          <div className="space-y-2" role="status" aria-label="Loading report e-mails">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : null}
        {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        {list.data?.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No report e-mails yet. Choose a report below and "E-mail me this report".
          </p>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {list.data.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-zinc-900 dark:text-zinc-50">{s.title}</p>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {scheduleLabel(s)}
                    {s.active ? ` · next ${formatDateTime(s.nextRunAt)}` : ''}
                  </p>
                  {s.pausedReason ? (
                    <p className="text-sm text-amber-700 dark:text-amber-400">{s.pausedReason}</p>
                  ) : null}
                </div>
                <Badge tone={s.active ? 'success' : 'warning'}>{s.active ? 'Active' : 'Paused'}</Badge>
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: s.id, active: !s.active, version: s.version })}
                  >
                    {s.active ? 'Pause' : 'Resume'}
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={`Delete the e-mail of ${s.title}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(s.id)}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** `/reports`: the KPIs I may read, each with its CSV export and "E-mail me this report"; my report e-mails. */
export function ReportsPage() {
  useDocumentTitle('Reports');
  const kpis = useKpiList();
  const canExport = usePermission('reports.export');
  return (
    <>
      <PageHeader
        title="Reports"
        description="Your company's figures as you may see them. Report e-mails go to your own address with the CSV."
      />
      <div className="space-y-6">
        {canExport ? <MySubscriptions /> : null}
        {!canExport ? (
          <Alert tone="info">Report e-mails and CSV exports need the "Export reports" permission.</Alert>
        ) : null}
        {kpis.isPending ? (
          <div className="space-y-3" role="status" aria-label="Loading reports">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        ) : null}
        {kpis.error ? <ErrorAlert error={kpis.error} onRetry={() => void kpis.refetch()} /> : null}
        {kpis.data?.length === 0 ? (
          <EmptyState
            title="No reports for you"
            description="None of the reports matches your permissions."
          />
        ) : null}
        {kpis.data?.map((kpi) => (
          <Card key={kpi.name} aria-labelledby={`kpi-${kpi.name}`}>
            <CardHeader
              titleId={`kpi-${kpi.name}`}
              title={kpi.title}
              actions={
                canExport ? (
                  <a
                    className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                    href={`/api/v1/reports/kpis/${kpi.name}/export`}
                    download
                  >
                    CSV (12 months)
                  </a>
                ) : null
              }
            />
            <CardBody className="space-y-3">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{kpi.description}</p>
              {canExport ? <EmailMeControl kpi={kpi} /> : null}
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
