import {
  type KpiInfo,
  kpiGroupings,
  type ReportFrequency,
  type ReportSubscription,
  type ReportSubscriptionQuery,
} from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Select } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDateTime } from '../../../lib/format';
import { useReportSubscriptionMutations, useReportSubscriptions } from '../api/report-subscriptions';
import type { ReportApiQuery } from '../report-query';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Weekly on Monday" / "Monthly on day 1". */
export const scheduleLabel = (s: Pick<ReportSubscription, 'frequency' | 'weekday'>) =>
  s.frequency === 'monthly' ? 'Monthly on day 1' : `Weekly on ${WEEKDAYS[(s.weekday ?? 1) - 1]}`;

/** The stored part of a report page's query: its grouping and filters (the period is the one just ended). */
export const subscriptionQueryOf = (query: ReportApiQuery): Partial<ReportSubscriptionQuery> => {
  const { from: _from, to: _to, grouping, ...filters } = query;
  const known = kpiGroupings.find((g) => g === grouping);
  return known ? { grouping: known, ...filters } : filters;
};

/**
 * "E-mail me this report" on a report page: weekly (a weekday) or monthly, to my own address, with the page's
 * grouping and filters.
 */
export function EmailMeControl({ kpi, query }: { kpi: KpiInfo; query: ReportApiQuery }) {
  const { create } = useReportSubscriptionMutations();
  const [choice, setChoice] = useState('weekly-1');
  const [done, setDone] = useState(false);
  const [frequency, day] = choice.split('-') as [ReportFrequency, string | undefined];
  const subscribe = () => {
    setDone(false);
    create.mutate(
      {
        kpi: kpi.name,
        query: subscriptionQueryOf(query),
        frequency,
        ...(frequency === 'weekly' ? { weekday: Number(day) } : {}),
      },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="email-me">
      <Select
        aria-label={`${kpi.title}: how often`}
        className="w-auto"
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
      <Button size="sm" variant="secondary" onClick={subscribe} disabled={create.isPending}>
        E-mail me this report
      </Button>
      {done ? (
        <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Subscribed — see "My report e-mails" under Reports.
        </span>
      ) : null}
      {create.error ? <ErrorAlert error={create.error} className="w-full" /> : null}
    </div>
  );
}

/** My report e-mails: schedule, next send, why the job paused one, pause/resume, delete. */
export function MyReportEmails() {
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
            No report e-mails yet. Open a report and choose "E-mail me this report": it comes with the CSV, to
            your own address.
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
