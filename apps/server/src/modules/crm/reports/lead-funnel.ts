import { sql } from 'drizzle-orm';
import { type KpiDef, percent, rowsOf } from '../../reporting/index.ts';
import { crmLeadRollup as r } from '../rollups/rollups.tables.ts';
import { leadRollupWhere, leadsList } from './kpi-scope.ts';

const FUNNEL = ['new', 'in_progress', 'qualified', 'won'] as const;

/** Leads created in the period by current status; "reached" counts a lead at its step and every later one. */
export const leadFunnel: KpiDef = {
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
          sql`select ${r.status} as status, sum(${r.leads})::int as n from ${r} where ${leadRollupWhere(run)}
              group by 1 having sum(${r.leads}) <> 0`,
        )
      ).map((x) => [x.status, x.n]),
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
