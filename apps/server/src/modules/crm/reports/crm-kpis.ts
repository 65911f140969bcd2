import { registerKpi } from '../../reporting/index.ts';
import { pipelineValue, winRate, wonDeals } from './deal-kpis.ts';
import { leadFunnel } from './lead-funnel.ts';
import { leadSources } from './lead-sources.ts';

/**
 * The CRM's KPIs, registered with the reporting module. They read the lead and deal roll-ups (ADR 0037), which
 * the database keeps in the writing transaction.
 */
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
