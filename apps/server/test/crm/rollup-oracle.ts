import { sql } from 'drizzle-orm';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';

/**
 * The oracle of the roll-up tests (ADR 0037): the CRM KPI figures per key computed from leads and deals, and the
 * same read from the roll-ups (day rows), plus the check that the month rows sum the day rows.
 */
export const rollupOracle = (t: TestApp) => {
  /** The lead figures per key from the base tables, and from the roll-up. */
  const leadOracle = (tenantId: string) =>
    dbRows(
      t,
      sql`select (l.created_at at time zone s.timezone)::date::text as day, l.owner_id, l.source, l.vendor_id, l.status,
            count(*)::int as leads,
            coalesce(sum((select sum(d.amount_cents) from deals d where d.tenant_id = l.tenant_id and d.lead_id = l.id
                            and d.status = 'won' and d.archived_at is null)), 0)::text as revenue
          from leads l join tenant_settings s on s.tenant_id = l.tenant_id
          where l.tenant_id = ${tenantId} and l.archived_at is null
          group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    );
  const leadRollup = (tenantId: string) =>
    dbRows(
      t,
      sql`select day::text, owner_id, source, vendor_id, status, sum(leads)::int as leads,
            sum(won_revenue_cents)::text as revenue
          from crm_lead_rollup where tenant_id = ${tenantId} and grain = 'day'
          group by 1, 2, 3, 4, 5 having sum(leads) <> 0 or sum(won_revenue_cents) <> 0 order by 1, 2, 3, 4, 5`,
    );
  const dealOracle = (tenantId: string) =>
    dbRows(
      t,
      sql`select d.status, case when d.status <> 'open' then (d.closed_at at time zone s.timezone)::date::text end as day,
            d.owner_id, d.pipeline_id, d.stage_id, count(*)::int as deals, sum(d.amount_cents)::text as amount,
            round(coalesce(sum(case when d.status <> 'open' then extract(epoch from d.closed_at - d.created_at) end), 0))::text as cycle
          from deals d join tenant_settings s on s.tenant_id = d.tenant_id
          where d.tenant_id = ${tenantId} and d.archived_at is null
          group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    );
  const dealRollup = (tenantId: string) =>
    dbRows(
      t,
      sql`select status, day::text, owner_id, pipeline_id, stage_id, sum(deals)::int as deals,
            sum(amount_cents)::text as amount, round(sum(cycle_seconds))::text as cycle
          from crm_deal_rollup where tenant_id = ${tenantId} and grain = 'day'
          group by 1, 2, 3, 4, 5 having sum(deals) <> 0 or sum(amount_cents) <> 0 or sum(cycle_seconds) <> 0
          order by 1, 2, 3, 4, 5`,
    );

  /** The month rows of a roll-up minus its day rows summed by month, per key: nothing when the grains agree. */
  const monthsOff = (table: 'crm_lead_rollup' | 'crm_deal_rollup', tenantId: string) => {
    const [key, sums] =
      table === 'crm_lead_rollup'
        ? ['owner_id, source, vendor_id, status', 'leads, won_revenue_cents']
        : ['status, owner_id, pipeline_id, stage_id', 'deals, amount_cents, cycle_seconds'];
    const signed = sums
      .split(', ')
      .map((c) => `sum(case when grain = 'month' then ${c} else -${c} end) as ${c}`)
      .join(', ');
    return dbRows(
      t,
      sql.raw(`select date_trunc('month', day)::date::text as month, ${key}, ${signed}
        from ${table} where tenant_id = '${tenantId}' group by 1, ${key}
        having ${sums
          .split(', ')
          .map((c) => `sum(case when grain = 'month' then ${c} else -${c} end) <> 0`)
          .join(' or ')}`),
    );
  };

  return { leadOracle, leadRollup, dealOracle, dealRollup, monthsOff };
};
