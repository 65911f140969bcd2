import type { KpiQuery } from '@tessera/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as kit from '../../../platform/records/index.ts';
import type { KpiRun } from '../../reporting/index.ts';
import { dealDef } from '../deals/deal-record.ts';
import { leadDef } from '../leads/lead-record.ts';
import { crmDealRollup, crmLeadRollup } from '../rollups/rollups.tables.ts';

/** Drill-down links of the CRM KPIs: the lead or deal list with the query's filters. */
export const leadsList = (q: KpiQuery) => {
  const p = new URLSearchParams();
  if (q.ownerId) p.set('ownerId', q.ownerId);
  if (q.source) p.set('source', q.source);
  return `/leads${p.size ? `?${p}` : ''}`;
};
export const dealsList = (q: KpiQuery) => {
  const p = new URLSearchParams();
  if (q.ownerId) p.set('ownerId', q.ownerId);
  if (q.pipelineId) p.set('pipelineId', q.pipelineId);
  return `/deals${p.size ? `?${p}` : ''}`;
};

/**
 * The caller's record scope on a roll-up's owner column. Every scope (own, team, all) is a condition on the owner
 * alone, so the roll-ups, keyed by owner, answer it exactly like the base tables (ADR 0037).
 */
const scopeOn = (run: KpiRun, def: kit.RecordDef, owner: AnyPgColumn): SQL | undefined =>
  kit.scopeWhere(run.ctx, { ...def, owner });

/**
 * The roll-up rows that cover the period once: with `byMonth` (results not split finer than a month), the whole
 * months of the period from the `month` rows and only the days before and after them from the `day` rows;
 * otherwise the `day` rows.
 */
export const periodRows = (run: KpiRun, grain: AnyPgColumn, day: AnyPgColumn, byMonth: boolean): SQL => {
  const days = sql`(${grain} = 'day' and ${run.inDates(day)})`;
  if (!byMonth) return days;
  const first = sql`(date_trunc('month', (${run.query.from}::date - 1)::timestamp) + interval '1 month')::date`;
  const end = sql`date_trunc('month', (${run.query.to}::date + 1)::timestamp)::date`;
  return sql`((${grain} = 'month' and ${day} >= ${first} and ${day} < ${end})
    or (${days} and (${day} < ${first} or ${day} >= ${end})))`;
};

/** Lead roll-up rows of the tenant, the caller's scope, the owner/team/source filters and the period. */
export const leadRollupWhere = (run: KpiRun) =>
  and(
    eq(crmLeadRollup.tenantId, run.ctx.tenantId),
    scopeOn(run, leadDef, crmLeadRollup.ownerId),
    run.ownerFilter(crmLeadRollup.ownerId),
    run.query.source ? eq(crmLeadRollup.source, run.query.source) : undefined,
    periodRows(run, crmLeadRollup.grain, crmLeadRollup.day, true),
  );

/** Deal roll-up rows of the tenant in `statuses`, the caller's scope and the owner/team/pipeline filters. */
export const dealRollupWhere = (run: KpiRun, statuses: SQL) =>
  and(
    eq(crmDealRollup.tenantId, run.ctx.tenantId),
    sql`${crmDealRollup.status} in ${statuses}`,
    scopeOn(run, dealDef, crmDealRollup.ownerId),
    run.ownerFilter(crmDealRollup.ownerId),
    run.query.pipelineId ? eq(crmDealRollup.pipelineId, run.query.pipelineId) : undefined,
  );
