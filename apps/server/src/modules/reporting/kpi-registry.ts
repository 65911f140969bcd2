import type {
  FeatureFlagKey,
  KpiColumn,
  KpiFilterName,
  KpiPeriodUse,
  KpiQuery,
  Permission,
} from '@tessera/contracts';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import type { Tx } from '../../platform/db/index.ts';

export type KpiRow = Record<string, string | number | null>;

/** What a KPI's `compute` gets: the caller, the tenant transaction, the query and period helpers. */
export interface KpiRun {
  ctx: AuthedContext;
  tx: Tx;
  query: KpiQuery & { from: string; to: string };
  timezone: string;
  /** `col` within the period (dates in the company's time zone, both included). */
  inPeriod(col: AnyPgColumn): SQL;
  /** The period bucket (`YYYY-MM-DD` of the day / week / month start) of `col`. */
  bucket(col: AnyPgColumn): SQL;
  /** Every bucket of the period, as rows `{ bucket }` (a CTE body): charts get no gaps. */
  buckets(): SQL;
  /** A `date` column (a calendar day, no time zone) within the period, both ends included. */
  inDates(col: AnyPgColumn): SQL;
  /** The period bucket (`YYYY-MM-DD`) of a `date` column. */
  dateBucket(col: AnyPgColumn): SQL;
  /** Owner and team filters on `owner`. */
  ownerFilter(owner: AnyPgColumn): SQL | undefined;
}

/**
 * A KPI a module registers (like the record kit's registrations): its data permission and feature, the
 * filters it takes, its columns and how to compute it. Money columns are nulled for callers without
 * `fields.money.view` by the service, never by the KPI.
 */
export interface KpiDef {
  name: string;
  title: string;
  description: string;
  permission: Permission;
  feature: FeatureFlagKey;
  filters: readonly KpiFilterName[];
  /** Rows are time buckets (`run.buckets()`), so `grouping` applies; default false. */
  grouped?: boolean;
  /** How the period applies (default `range`): `end` = as of `to`, `none` = figures now. */
  period?: KpiPeriodUse;
  columns: readonly KpiColumn[];
  /** The client route a chart of this KPI drills down to, with the query's filters. */
  drillDown?: (query: KpiQuery) => string;
  compute(run: KpiRun): Promise<{ rows: KpiRow[]; totals: KpiRow }>;
}

const kpis = new Map<string, KpiDef>();

export const registerKpi = (def: KpiDef) => {
  if (kpis.has(def.name)) throw new Error(`KPI ${def.name} registered twice`);
  kpis.set(def.name, def);
};

export const registeredKpi = (name: string) => kpis.get(name);
export const registeredKpis = () => [...kpis.values()];

/** Rows of a raw query. */
export const rowsOf = async <T>(tx: Tx, query: SQL): Promise<T[]> =>
  ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** `part / whole` as a percentage with one decimal, null when `whole` is 0. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
