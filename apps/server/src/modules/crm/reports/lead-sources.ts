import { and, eq, sql } from 'drizzle-orm';
import { scopeFor } from '../../../platform/access/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { type KpiDef, type KpiRun, num, percent, rowsOf } from '../../reporting/index.ts';
import { dealDef } from '../deals/deal-record.ts';
import { deals } from '../deals/deals.tables.ts';
import { leadDef } from '../leads/lead-record.ts';
import { leads } from '../leads/leads.tables.ts';
import { crmLeadRollup as r } from '../rollups/rollups.tables.ts';
import { leadVendors } from '../vendors/vendors.tables.ts';
import { leadRollupWhere, leadsList } from './kpi-scope.ts';

type SourceRow = {
  source: string | null;
  vendor: string | null;
  leads: number;
  won: number;
  cost: string;
  revenue: string;
};

/** From the lead roll-up: its won revenue is every won deal's, so it answers callers who see all deals. */
const fromRollup = (run: KpiRun) =>
  rowsOf<SourceRow>(
    run.tx,
    sql`select g.source, ${leadVendors.name} as vendor, g.leads::int as leads, g.won::int as won,
          (g.leads * coalesce(${leadVendors.costPerLeadCents}, 0))::bigint as cost, g.revenue::bigint as revenue
        from (
          select ${r.source} as source, ${r.vendorId} as vendor_id, sum(${r.leads}) as leads,
            coalesce(sum(${r.leads}) filter (where ${r.status} = 'won'), 0) as won,
            coalesce(sum(${r.wonRevenueCents}), 0) as revenue
          from ${r} where ${leadRollupWhere(run)}
          group by 1, 2 having sum(${r.leads}) <> 0
        ) g
        left join ${leadVendors} on ${leadVendors.tenantId} = ${run.ctx.tenantId} and ${leadVendors.id} = g.vendor_id
        order by 3 desc, 1 nulls last, 2 nulls last`,
  );

/** From the base tables: a caller with an own/team deal scope counts only the won deals they may see. */
const fromLeads = (run: KpiRun) =>
  rowsOf<SourceRow>(
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
        where ${and(
          eq(leads.tenantId, run.ctx.tenantId),
          sql`${leads.archivedAt} is null`,
          kit.scopeWhere(run.ctx, leadDef),
          run.ownerFilter(leads.ownerId),
          run.query.source ? eq(leads.source, run.query.source) : undefined,
          run.inPeriod(leads.createdAt),
        )}
        group by ${leads.source}, ${leadVendors.id}, ${leadVendors.name}, ${leadVendors.costPerLeadCents}
        order by 3 desc, 1 nulls last, 2 nulls last`,
  );

/** Leads created in the period by source and vendor: leads, won, cost (vendor's cost per lead), won revenue, ROI. */
export const leadSources: KpiDef = {
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
    const rows = await (scopeFor(run.ctx.auth, 'deals') === 'all' ? fromRollup(run) : fromLeads(run));
    const out = rows.map((x) => {
      const cost = num(x.cost);
      const revenue = num(x.revenue);
      return {
        source: x.source,
        vendor: x.vendor,
        leads: x.leads,
        won: x.won,
        costCents: cost,
        revenueCents: revenue,
        roi: cost === 0 ? null : percent(revenue - cost, cost),
      };
    });
    const sum = (k: 'leads' | 'won' | 'costCents' | 'revenueCents') => out.reduce((a, x) => a + x[k], 0);
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
