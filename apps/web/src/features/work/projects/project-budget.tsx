import type { Project } from '@tessera/contracts';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { cn } from '../../../lib/cn';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { useProjectBudget } from '../api/projects';

const hours = (value: number) => `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} h`;

/** A used-against-budget bar: the share used, red beyond 100 %; without a budget just the figure. */
export function BudgetBar({
  label,
  used,
  budget,
  format,
  detail,
  testId,
}: {
  label: string;
  used: number;
  budget: number | null | undefined;
  format: (value: number) => string;
  detail?: string;
  testId: string;
}) {
  const share = budget ? used / budget : null;
  const percent = share === null ? null : Math.round(share * 100);
  return (
    <div data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
        <span className="tabular-nums text-zinc-700 dark:text-zinc-300" data-testid={`${testId}-figure`}>
          {budget ? `${format(used)} of ${format(budget)} (${percent} %)` : `${format(used)} · no budget`}
        </span>
      </div>
      <div
        aria-hidden="true"
        className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={cn(
            'h-full rounded-full',
            share !== null && share > 1
              ? 'bg-red-500'
              : share !== null && share > 0.85
                ? 'bg-amber-500'
                : 'bg-indigo-500',
          )}
          style={{ width: `${Math.min(100, (share ?? 0) * 100)}%` }}
        />
      </div>
      {detail ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{detail}</p> : null}
    </div>
  );
}

/** The project's overview: hours and money against the budget, forecast, the last weeks' burn. */
export function ProjectBudget({
  project,
  personName,
}: {
  project: Project;
  personName: (id: string) => string;
}) {
  const budget = useProjectBudget(project.id);
  if (budget.error)
    return (
      <ErrorAlert
        error={budget.error}
        title="Could not load the budget"
        onRetry={() => void budget.refetch()}
      />
    );
  if (!budget.data)
    return (
      <div aria-busy="true" className="space-y-3">
        <Skeleton className="h-24 w-full" />
        <span className="sr-only">Loading the budget…</span>
      </div>
    );
  const b = budget.data;
  const money = (cents: number) => formatMoney(cents, b.currency);
  const spent = b.costCents === undefined ? undefined : b.costCents + (b.expensesCents ?? 0);
  const recent = b.burnDown.slice(-8);
  return (
    <div className="space-y-4">
      {b.warnings.length > 0 ? (
        <Alert tone="warning" title="Over-allocated">
          {b.warnings
            .map((w) => `${personName(w.userId)} is at ${w.percent} % from ${formatDate(`${w.from}T00:00`)}`)
            .join('; ')}
          .
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Budget" />
        <CardBody className="space-y-5">
          <BudgetBar
            label="Hours"
            testId="budget-hours"
            used={b.bookedHours}
            budget={b.budgetHours}
            format={hours}
            detail={`${hours(b.approvedHours)} approved · ${hours(b.billableHours)} billable · forecast at completion ${hours(b.forecastHours)}`}
          />
          {spent !== undefined ? (
            <BudgetBar
              label="Money"
              testId="budget-money"
              used={spent}
              budget={b.budgetCents}
              format={money}
              detail={`${money(b.costCents ?? 0)} time at rates · ${money(b.expensesCents ?? 0)} approved expenses${b.forecastCents === undefined ? '' : ` · forecast ${money(b.forecastCents)}`}`}
            />
          ) : null}
        </CardBody>
      </Card>
      {recent.length > 0 ? (
        <Card>
          <CardHeader
            title="Hours per week"
            description={project.budgetHours ? 'Booked, and budget left after the week.' : 'Booked.'}
          />
          <CardBody>
            <ol className="space-y-1 text-sm">
              {recent.map((w) => (
                <li key={w.weekStart} className="flex justify-between gap-4 tabular-nums">
                  <span>{formatDate(`${w.weekStart}T00:00`)}</span>
                  <span>
                    {hours(w.hours)}
                    {w.remainingHours === null ? '' : ` · ${hours(w.remainingHours)} left`}
                  </span>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
