import type { KpiQuery } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import * as kit from '../../../platform/records/index.ts';
import { type KpiDef, type KpiRow, num, percent, registerKpi, rowsOf } from '../../reporting/index.ts';
import { dealDef } from '../deals/deal-record.ts';
import { deals } from '../deals/deals.tables.ts';
import { leadDef } from '../leads/lead-record.ts';
import { leads } from '../leads/leads.tables.ts';
import { pipelineStages, pipelines } from '../pipelines/pipelines.tables.ts';
import { leadVendors } from '../vendors/vendors.tables.ts';

const leadsList = (q: KpiQuery) => {
  const p = new URLSearchParams();
  if (q.ownerId) p.set('ownerId', q.ownerId);
  if (q.source) p.set('source', q.source);
  return `/leads${p.size ? `?${p}` : ''}`;
};
const dealsList = (q: KpiQuery) => {
  const p = new URLSearchParams();
  if (q.ownerId) p.set('ownerId', q.ownerId);
  if (q.pipelineId) p.set('pipelineId', q.pipelineId);
  return `/deals${p.size ? `?${p}` : ''}`;
};

const liveDeals = (run: Parameters<KpiDef['compute']>[0]) =>
  and(
    eq(deals.tenantId, run.ctx.tenantId),
    sql`${deals.archivedAt} is null`,
    kit.scopeWhere(run.ctx, dealDef),
    run.ownerFilter(deals.ownerId),
    run.query.pipelineId ? eq(deals.pipelineId, run.query.pipelineId) : undefined,
  );
const liveLeads = (run: Parameters<KpiDef['compute']>[0]) =>
  and(
    eq(leads.tenantId, run.ctx.tenantId),
    sql`${leads.archivedAt} is null`,
    kit.scopeWhere(run.ctx, leadDef),
    run.ownerFilter(leads.ownerId),
    run.query.source ? eq(leads.source, run.query.source) : undefined,
    run.inPeriod(leads.createdAt),
  );

/** Open deals by stage of one pipeline (the default one unless filtered): count, value, value × probability. */
const pipelineValue: KpiDef = {
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
            count(${deals.id})::int as deals, coalesce(sum(${deals.amountCents}), 0)::bigint as value,
            round(coalesce(sum(${deals.amountCents} * ${pipelineStages.probability} / 100.0), 0))::bigint as weighted
          from ${pipelineStages}
          left join ${deals} on ${deals.stageId} = ${pipelineStages.id} and ${deals.status} = 'open' and ${liveDeals(run)}
          where ${pipelineStages.tenantId} = ${run.ctx.tenantId} and ${pipelineStages.kind} = 'open' and ${pipeline}
          group by ${pipelineStages.id}, ${pipelineStages.name}, ${pipelineStages.probability}, ${pipelineStages.position}
          order by ${pipelineStages.position}`,
    );
    const out = rows.map((r) => ({
      stage: r.stage,
      probability: r.probability,
      deals: r.deals,
      valueCents: num(r.value),
      weightedCents: num(r.weighted),
    }));
    const sum = (k: 'deals' | 'valueCents' | 'weightedCents') => out.reduce((a, r) => a + r[k], 0);
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
const winRate: KpiDef = {
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
            select ${run.bucket(deals.closedAt)} as bucket,
              count(*) filter (where ${deals.status} = 'won')::int as won,
              count(*) filter (where ${deals.status} = 'lost')::int as lost
            from ${deals}
            where ${liveDeals(run)} and ${deals.status} in ('won', 'lost') and ${run.inPeriod(deals.closedAt)}
            group by 1)
          select b.bucket as period, coalesce(c.won, 0)::int as won, coalesce(c.lost, 0)::int as lost
          from b left join c on c.bucket = b.bucket order by b.bucket`,
    );
    const won = rows.reduce((a, r) => a + r.won, 0);
    const lost = rows.reduce((a, r) => a + r.lost, 0);
    return {
      rows: rows.map((r) => ({ ...r, rate: percent(r.won, r.won + r.lost) })),
      totals: { period: null, won, lost, rate: percent(won, won + lost) },
    };
  },
};

const FUNNEL = ['new', 'in_progress', 'qualified', 'won'] as const;

/** Leads created in the period by current status; "reached" counts a lead at its step and every later one. */
const leadFunnel: KpiDef = {
  name: 'lead-funnel',
  title: 'Lead funnel',
  description:
    'Leads created in the period by status; reached = at this step or further; conversion from the step before.',
  permission: 'leads.view',
  feature: 'crm',
  filters: ['ownerId', 'teamId', 'source'],
  columns: [
    { key: 'status', label: 'Status', kind: 'text' },
    { key: 'leads', label: 'Leads', kind: 'number' },
    { key: 'reached', label: 'Reached', kind: 'number' },
    { key: 'conversion', label: 'Conversion', kind: 'percent' },
  ],
  drillDown: leadsList,
  async compute(run) {
    const counts = new Map(
      (
        await rowsOf<{ status: string; n: number }>(
          run.tx,
          sql`select ${leads.status} as status, count(*)::int as n from ${leads} where ${liveLeads(run)} group by 1`,
        )
      ).map((r) => [r.status, r.n]),
    );
    const reached = FUNNEL.map((_, i) => FUNNEL.slice(i).reduce((a, s) => a + (counts.get(s) ?? 0), 0));
    const rows = FUNNEL.map((status, i) => ({
      status,
      leads: counts.get(status) ?? 0,
      reached: reached[i] ?? 0,
      conversion: i === 0 ? null : percent(reached[i] ?? 0, reached[i - 1] ?? 0),
    }));
    const lost = counts.get('lost') ?? 0;
    const total = [...counts.values()].reduce((a, n) => a + n, 0);
    return {
      rows: [...rows, { status: 'lost', leads: lost, reached: null, conversion: null }],
      totals: {
        status: null,
        leads: total,
        reached: null,
        conversion: percent(counts.get('won') ?? 0, total),
      },
    };
  },
};

/** Leads created in the period by source and vendor: leads, won, cost (vendor's cost per lead), won revenue, ROI. */
const leadSources: KpiDef = {
  name: 'lead-sources',
  title: 'Leads by source and vendor',
  description:
    'Cost = leads × the vendor’s cost per lead; revenue = won deals converted from these leads; ROI = (revenue − cost) ÷ cost.',
  permission: 'leads.view',
  feature: 'crm',
  filters: ['ownerId', 'teamId', 'source'],
  columns: [
    { key: 'source', label: 'Source', kind: 'text' },
    { key: 'vendor', label: 'Vendor', kind: 'text' },
    { key: 'leads', label: 'Leads', kind: 'number' },
    { key: 'won', label: 'Won', kind: 'number' },
    { key: 'costCents', label: 'Cost', kind: 'money' },
    { key: 'revenueCents', label: 'Revenue', kind: 'money' },
    { key: 'roi', label: 'ROI', kind: 'percent' },
  ],
  drillDown: leadsList,
  async compute(run) {
    const rows = await rowsOf<{
      source: string | null;
      vendor: string | null;
      leads: number;
      won: number;
      cost: string;
      revenue: string;
    }>(
      run.tx,
      sql`select ${leads.source} as source, ${leadVendors.name} as vendor, count(*)::int as leads,
            count(*) filter (where ${leads.status} = 'won')::int as won,
            (count(*) * coalesce(${leadVendors.costPerLeadCents}, 0))::bigint as cost,
            coalesce(sum(w.revenue), 0)::bigint as revenue
          from ${leads}
          left join ${leadVendors} on ${leadVendors.tenantId} = ${leads.tenantId} and ${leadVendors.id} = ${leads.vendorId}
          left join lateral (
            select sum(${deals.amountCents}) as revenue from ${deals}
            where ${deals.tenantId} = ${leads.tenantId} and ${deals.leadId} = ${leads.id} and ${deals.status} = 'won'
              and ${deals.archivedAt} is null and ${kit.scopeWhere(run.ctx, dealDef) ?? sql`true`}
          ) w on true
          where ${liveLeads(run)}
          group by ${leads.source}, ${leadVendors.id}, ${leadVendors.name}, ${leadVendors.costPerLeadCents}
          order by 3 desc, 1 nulls last, 2 nulls last`,
    );
    const out = rows.map((r) => {
      const cost = num(r.cost);
      const revenue = num(r.revenue);
      return {
        source: r.source,
        vendor: r.vendor,
        leads: r.leads,
        won: r.won,
        costCents: cost,
        revenueCents: revenue,
        roi: cost === 0 ? null : percent(revenue - cost, cost),
      };
    });
    const sum = (k: 'leads' | 'won' | 'costCents' | 'revenueCents') => out.reduce((a, r) => a + r[k], 0);
    const cost = sum('costCents');
    return {
      rows: out,
      totals: {
        source: null,
        vendor: null,
        leads: sum('leads'),
        won: sum('won'),
        costCents: cost,
        revenueCents: sum('revenueCents'),
        roi: cost === 0 ? null : percent(sum('revenueCents') - cost, cost),
      },
    };
  },
};

/** Deals won in the period by bucket: how many, the revenue, and the average days from creation to close. */
const wonDeals = (name: 'revenue-by-month' | 'sales-cycle'): KpiDef => ({
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
            select ${run.bucket(deals.closedAt)} as bucket, count(*)::int as won, sum(${deals.amountCents})::bigint as revenue,
              sum(extract(epoch from ${deals.closedAt} - ${deals.createdAt}) / 86400.0) as days
            from ${deals}
            where ${liveDeals(run)} and ${deals.status} = 'won' and ${run.inPeriod(deals.closedAt)}
            group by 1)
          select b.bucket as period, coalesce(c.won, 0)::int as won, coalesce(c.revenue, 0)::bigint as revenue, coalesce(c.days, 0) as days
          from b left join c on c.bucket = b.bucket order by b.bucket`,
    );
    const avg = (days: number, n: number) => (n === 0 ? null : Math.round((days / n) * 10) / 10);
    const won = rows.reduce((a, r) => a + r.won, 0);
    const days = rows.reduce((a, r) => a + num(r.days), 0);
    if (name === 'revenue-by-month')
      return {
        rows: rows.map((r) => ({ period: r.period, won: r.won, revenueCents: num(r.revenue) })),
        totals: { period: null, won, revenueCents: rows.reduce((a, r) => a + num(r.revenue), 0) },
      };
    return {
      rows: rows.map((r) => ({ period: r.period, won: r.won, averageDays: avg(num(r.days), r.won) })),
      totals: { period: null, won, averageDays: avg(days, won) },
    };
  },
});

/** The CRM's KPIs, registered with the reporting module. */
export const registerCrmKpis = () => {
  for (const def of [
    pipelineValue,
    winRate,
    leadFunnel,
    leadSources,
    wonDeals('revenue-by-month'),
    wonDeals('sales-cycle'),
  ])
    registerKpi(def);
};
