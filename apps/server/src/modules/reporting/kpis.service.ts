import type { KpiInfo, KpiQuery, KpiResult } from '@tessera/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { inTenant, requirePermission } from '../../platform/records/index.ts';
import { featureOn, getTenantSettings } from '../admin/index.ts';
import { type KpiDef, type KpiRow, type KpiRun, registeredKpi, registeredKpis } from './kpi-registry.ts';

const MONEY = 'fields.money.view';

const today = (timezone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
const yearBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const runFor = (ctx: AuthedContext, tx: KpiRun['tx'], query: KpiRun['query'], timezone: string): KpiRun => {
  const start = sql`((${query.from}::date)::timestamp at time zone ${timezone})`;
  const end = sql`(((${query.to}::date) + 1)::timestamp at time zone ${timezone})`;
  const unit = sql.raw(`'${query.grouping}'`); // one of the contract's three literals
  return {
    ctx,
    tx,
    query,
    timezone,
    inPeriod: (col) => sql`(${col} >= ${start} and ${col} < ${end})`,
    bucket: (col) => sql`to_char(date_trunc(${unit}, ${col} at time zone ${timezone}), 'YYYY-MM-DD')`,
    buckets: () =>
      sql`select to_char(b, 'YYYY-MM-DD') as bucket from generate_series(date_trunc(${unit}, ${query.from}::date::timestamp), ${query.to}::date::timestamp, ('1 ' || ${query.grouping})::interval) b`,
    inDates: (col) => sql`(${col} >= ${query.from}::date and ${col} <= ${query.to}::date)`,
    dateBucket: (col) => sql`to_char(date_trunc(${unit}, ${col}::timestamp), 'YYYY-MM-DD')`,
    ownerFilter: (owner: AnyPgColumn): SQL | undefined =>
      and(
        query.ownerId ? eq(owner, query.ownerId) : undefined,
        query.teamId
          ? sql`${owner} in (select user_id from team_members where tenant_id = ${ctx.tenantId} and team_id = ${query.teamId})`
          : undefined,
      ),
  };
};

const find = (ctx: AuthedContext, name: string): KpiDef => {
  const def = registeredKpi(name);
  if (!def) throw notFound('KPI', 'params.name');
  requirePermission(ctx, def.permission);
  return def;
};

/** The KPI `name` for the caller (404 unknown, 403 without its permission), when it takes the query's filters. */
export const kpiFor = (
  ctx: AuthedContext,
  name: string,
  query: Partial<KpiQuery>,
  path = 'querystring',
): KpiDef => {
  const def = find(ctx, name);
  const unsupported = (['ownerId', 'teamId', 'pipelineId', 'source'] as const).filter(
    (f) => query[f] !== undefined && !def.filters.includes(f),
  );
  if (unsupported.length > 0)
    throw new AppError('VALIDATION_ERROR', `${def.title} cannot be filtered by ${unsupported.join(', ')}`, {
      details: unsupported.map((f) => ({ path: `${path}.${f}`, message: 'Not a filter of this KPI' })),
    });
  return def;
};

/**
 * A KPI computed in the caller's tenant transaction `tx` (a route's, or the report e-mail job's as the member):
 * 404 when its module is off for them; money is null without `fields.money.view`.
 */
export const computeKpi = async (
  tx: KpiRun['tx'],
  ctx: AuthedContext,
  def: KpiDef,
  query: KpiQuery,
): Promise<KpiResult> => {
  if (!(await featureOn(tx, ctx.tenantId, ctx.userId, def.feature))) throw notFound('KPI', 'params.name');
  const timezone = (await getTenantSettings(tx, ctx.tenantId))?.timezone ?? 'UTC';
  const to = query.to ?? today(timezone);
  const from = query.from ?? yearBefore(to);
  const { rows, totals } = await def.compute(runFor(ctx, tx, { ...query, from, to }, timezone));
  const showMoney = ctx.auth.permissions.has(MONEY);
  const money = def.columns.filter((c) => c.kind === 'money').map((c) => c.key);
  const hide = (row: KpiRow): KpiRow =>
    showMoney ? row : { ...row, ...Object.fromEntries(money.map((k) => [k, null])) };
  return {
    kpi: def.name,
    title: def.title,
    period: { from, to, grouping: query.grouping, timezone },
    columns: [...def.columns],
    rows: rows.map(hide),
    totals: hide(totals),
    moneyHidden: !showMoney && money.length > 0,
    drillDown: def.drillDown?.(query) ?? null,
  };
};

/** One KPI for the caller: their record scope applies; money is null without `fields.money.view`. */
export const runKpi = (ctx: AuthedContext, name: string, query: KpiQuery): Promise<KpiResult> => {
  const def = kpiFor(ctx, name, query);
  return inTenant(ctx, (tx) => computeKpi(tx, ctx, def, query));
};

/** The KPIs the caller may read: their data permission held and their module on for the caller. */
export const listKpis = (ctx: AuthedContext): Promise<KpiInfo[]> => {
  const allowed = registeredKpis().filter((k) => ctx.auth.permissions.has(k.permission));
  return inTenant(ctx, async (tx) => {
    const on = new Map<string, boolean>();
    for (const feature of new Set(allowed.map((k) => k.feature)))
      on.set(feature, await featureOn(tx, ctx.tenantId, ctx.userId, feature));
    return allowed
      .filter((k) => on.get(k.feature))
      .map((k) => ({
        name: k.name,
        title: k.title,
        description: k.description,
        module: k.feature,
        filters: [...k.filters],
        grouped: k.grouped ?? false,
        period: k.period ?? 'range',
        money: k.columns.some((c) => c.kind === 'money'),
      }));
  });
};
