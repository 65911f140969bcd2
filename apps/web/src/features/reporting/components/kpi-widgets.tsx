import { useQuery } from '@tanstack/react-query';
import { type KpiColumn, kpiResultSchema } from '@tessera/contracts';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';

export interface KpiWidgetProps {
  title: string;
  /** `kpi:<name>` from the hub config. */
  dataSource: string;
  refreshSeconds: number;
  options: Record<string, unknown>;
}

export function useKpi({ dataSource, refreshSeconds, options }: KpiWidgetProps) {
  const name = dataSource.replace(/^kpi:/, '');
  const grouping = typeof options.grouping === 'string' ? options.grouping : 'month';
  return useQuery({
    queryKey: ['reports', 'kpi', name, grouping],
    queryFn: ({ signal }) =>
      api.get(v1(`reports/kpis/${encodeURIComponent(name)}`), {
        query: { grouping },
        schema: kpiResultSchema,
        signal,
      }),
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });
}

/** A KPI value as text, by its column kind (money in the company's currency and locale). */
export function formatKpiValue(kind: KpiColumn['kind'], value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'money') return formatMoney(Number(value));
  if (kind === 'percent') return `${value} %`;
  if (kind === 'days') return `${value} d`;
  if (kind === 'date') return formatDate(`${value}T00:00:00`);
  return typeof value === 'number' ? new Intl.NumberFormat().format(value) : value;
}

/** One total of a KPI (`options.measure`, default its last column) as a big number. */
export function KpiNumberWidget(props: KpiWidgetProps) {
  const kpi = useKpi(props);
  const data = kpi.data;
  const column = data?.columns.find((c) => c.key === props.options.measure) ?? data?.columns.at(-1);
  return (
    <Card className="h-full" data-testid="kpi-number">
      <CardBody>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.title}</p>
        {kpi.isPending ? <Skeleton className="mt-2 h-8 w-24" /> : null}
        {kpi.error ? <ErrorAlert error={kpi.error} title="Not available" /> : null}
        {data && column ? (
          <p className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">
            {formatKpiValue(column.kind, data.totals[column.key])}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** A KPI's rows as a table, with totals and a link to the filtered list. */
export function KpiTableWidget(props: KpiWidgetProps) {
  const kpi = useKpi(props);
  const data = kpi.data;
  return (
    <Card className="h-full" data-testid="kpi-table">
      <CardHeader
        title={props.title}
        actions={
          data?.drillDown ? (
            <Link
              className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              to={data.drillDown}
            >
              Open list
            </Link>
          ) : null
        }
      />
      <CardBody className="overflow-x-auto">
        {kpi.isPending ? <Skeleton className="h-24" /> : null}
        {kpi.error ? <ErrorAlert error={kpi.error} title="Not available" /> : null}
        {data && data.rows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No data in this period.</p>
        ) : null}
        {data && data.rows.length > 0 ? (
          <table className="w-full text-sm">
            <thead>
              <tr>
                {data.columns.map((c) => (
                  <th
                    key={c.key}
                    className="px-2 py-1 text-left font-medium text-zinc-600 dark:text-zinc-400"
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
                  {data.columns.map((c) => (
                    <td key={c.key} className="px-2 py-1 tabular-nums">
                      {formatKpiValue(c.kind, row[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </CardBody>
    </Card>
  );
}
