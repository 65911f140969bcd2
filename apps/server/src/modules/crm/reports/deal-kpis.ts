import { eq, sql } from 'drizzle-orm';
import { type KpiDef, type KpiRow, type KpiRun, num, percent, rowsOf } from '../../reporting/index.ts';
import { pipelineStages, pipelines } from '../pipelines/pipelines.tables.ts';
import { crmDealRollup as r } from '../rollups/rollups.tables.ts';
import { dealRollupWhere, dealsList, periodRows } from './kpi-scope.ts';

/** Closed-deal rows of the period: whole months from the month rows unless grouped by week or day. */
const closedIn = (run: KpiRun) => periodRows(run, r.grain, r.day, run.query.grouping === 'month');

/** Open deals by stage of one pipeline (the default one unless filtered): count, value, value × probability. */
export const pipelineValue: KpiDef = {
  name: 'pipeline-value',
  title: 'Pipeline value by stage',
  description: 'Open deals now (the period does not apply), by stage, weighted by the stage probability.',
  permission: 'deals.view',
  feature: 'crm',
  filters: ['ownerId', 'teamId', 'pipelineId'],
  period: 'none',
  columns: [
    { key: 'stage', label: 'Stage', kind: 'text' },
    { key: 'probability', label: 'Probability', kind: 'percent' },
    { key: 'deals', label: 'Deals', kind: 'number' },
    { key: 'valueCents', label: 'Value', kind: 'money' },
    { key: 'weightedCents', label: 'Weighted value', kind: 'money' },
  ],
  drillDown: dealsList,
  async compute(run) {
    const pipeline = run.query.pipelineId
      ? eq(pipelineStages.pipelineId, run.query.pipelineId)
      : sql`${pipelineStages.pipelineId} = (select id from ${pipelines} where tenant_id = ${run.ctx.tenantId} and is_default)`;
    const rows = await rowsOf<{
      stage: string;
      probability: number;
      deals: number;
      value: string;
      weighted: string;
    }>(
      run.tx,
      sql`select ${pipelineStages.name} as stage, ${pipelineStages.probability} as probability,
            coalesce(o.deals, 0)::int as deals, coalesce(o.value, 0)::bigint as value,
            round(coalesce(o.value, 0) * ${pipelineStages.probability} / 100.0)::bigint as weighted
          from ${pipelineStages}
          left join (
            select ${r.stageId} as stage_id, sum(${r.deals}) as deals, sum(${r.amountCents}) as value from ${r}
            where ${dealRollupWhere(run, sql`('open')`)} and ${r.grain} = 'month' group by 1
          ) o on o.stage_id = ${pipelineStages.id}
          where ${pipelineStages.tenantId} = ${run.ctx.tenantId} and ${pipelineStages.kind} = 'open' and ${pipeline}
          order by ${pipelineStages.position}`,
    );
    const out = rows.map((x) => ({
      stage: x.stage,
      probability: x.probability,
      deals: x.deals,
      valueCents: num(x.value),
      weightedCents: num(x.weighted),
    }));
    const sum = (k: 'deals' | 'valueCents' | 'weightedCents') => out.reduce((a, x) => a + x[k], 0);
    return {
      rows: out,
      totals: {
        stage: null,
        probability: null,
        deals: sum('deals'),
        valueCents: sum('valueCents'),
        weightedCents: sum('weightedCents'),
      },
    };
  },
};

/** Deals closed in the period by bucket: won, lost, won ÷ closed. */
export const winRate: KpiDef = {
  name: 'win-rate',
  title: 'Win rate',
  description: 'Deals won ÷ deals closed (won or lost) in the period, by close date.',
  permission: 'deals.view',
  feature: 'crm',
  filters: ['ownerId', 'teamId', 'pipelineId'],
  grouped: true,
  columns: [
    { key: 'period', label: 'Period', kind: 'date' },
    { key: 'won', label: 'Won', kind: 'number' },
    { key: 'lost', label: 'Lost', kind: 'number' },
    { key: 'rate', label: 'Win rate', kind: 'percent' },
  ],
  drillDown: dealsList,
  async compute(run) {
    const rows = await rowsOf<{ period: string; won: number; lost: number }>(
      run.tx,
      sql`with b as (${run.buckets()}), c as (
            select ${run.dateBucket(r.day)} as bucket,
              sum(${r.deals}) filter (where ${r.status} = 'won') as won,
              sum(${r.deals}) filter (where ${r.status} = 'lost') as lost
            from ${r}
            where ${dealRollupWhere(run, sql`('won', 'lost')`)} and ${closedIn(run)}
            group by 1)
          select b.bucket as period, coalesce(c.won, 0)::int as won, coalesce(c.lost, 0)::int as lost
          from b left join c on c.bucket = b.bucket order by b.bucket`,
    );
    const won = rows.reduce((a, x) => a + x.won, 0);
    const lost = rows.reduce((a, x) => a + x.lost, 0);
    return {
      rows: rows.map((x) => ({ ...x, rate: percent(x.won, x.won + x.lost) })),
      totals: { period: null, won, lost, rate: percent(won, won + lost) },
    };
  },
};

/** Deals won in the period by bucket: how many, the revenue, and the average days from creation to close. */
export const wonDeals = (name: 'revenue-by-month' | 'sales-cycle'): KpiDef => ({
  name,
  title: name === 'revenue-by-month' ? 'Deals won and revenue' : 'Average sales cycle',
  description:
    name === 'revenue-by-month'
      ? 'Deals won in the period and their amounts, by close date (grouping: day, week or month).'
      : 'Average days from a deal’s creation to its win, for deals won in the period.',
  permission: 'deals.view',
  feature: 'crm',
  filters: ['ownerId', 'teamId', 'pipelineId'],
  grouped: true,
  columns:
    name === 'revenue-by-month'
      ? [
          { key: 'period', label: 'Period', kind: 'date' },
          { key: 'won', label: 'Deals won', kind: 'number' },
          { key: 'revenueCents', label: 'Revenue', kind: 'money' },
        ]
      : [
          { key: 'period', label: 'Period', kind: 'date' },
          { key: 'won', label: 'Deals won', kind: 'number' },
          { key: 'averageDays', label: 'Average days', kind: 'days' },
        ],
  drillDown: dealsList,
  async compute(run): Promise<{ rows: KpiRow[]; totals: KpiRow }> {
    const rows = await rowsOf<{ period: string; won: number; revenue: string; days: string }>(
      run.tx,
      sql`with b as (${run.buckets()}), c as (
            select ${run.dateBucket(r.day)} as bucket, sum(${r.deals}) as won, sum(${r.amountCents}) as revenue,
              sum(${r.cycleSeconds}) / 86400.0 as days
            from ${r}
            where ${dealRollupWhere(run, sql`('won')`)} and ${closedIn(run)}
            group by 1)
          select b.bucket as period, coalesce(c.won, 0)::int as won, coalesce(c.revenue, 0)::bigint as revenue, coalesce(c.days, 0) as days
          from b left join c on c.bucket = b.bucket order by b.bucket`,
    );
    const avg = (days: number, n: number) => (n === 0 ? null : Math.round((days / n) * 10) / 10);
    const won = rows.reduce((a, x) => a + x.won, 0);
    const days = rows.reduce((a, x) => a + num(x.days), 0);
    if (name === 'revenue-by-month')
      return {
        rows: rows.map((x) => ({ period: x.period, won: x.won, revenueCents: num(x.revenue) })),
        totals: { period: null, won, revenueCents: rows.reduce((a, x) => a + num(x.revenue), 0) },
      };
    return {
      rows: rows.map((x) => ({ period: x.period, won: x.won, averageDays: avg(num(x.days), x.won) })),
      totals: { period: null, won, averageDays: avg(days, won) },
    };
  },
});
