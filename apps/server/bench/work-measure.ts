import { APP_ROLE, type Database, SCOPE_SQL } from '../src/platform/db/index.ts';
import type { PlanNode } from './explain.ts';
import type { CapturedQuery } from './sql-capture.ts';

// How work.ts measures: wall-time percentiles of sequential calls, and EXPLAIN ANALYZE as the app runs a statement.

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
export const round = (n: number) => Math.round(n * 10) / 10;

/** Wall times of `runs` calls after one warm-up: p50 / p99 in ms, and calls per second one after the other. */
export const timed = async (runs: number, fn: (i: number) => Promise<unknown>) => {
  await fn(runs);
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  const elapsed = performance.now() - began;
  times.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    perSecond: round(runs / (elapsed / 1000)),
  };
};

/** One line per plan: node types with the index or table each scan reads, and actual rows × loops. */
const planText = (node: PlanNode): string => {
  const target = node['Index Name'] ?? node['Relation Name'];
  const loops = Number(node['Actual Loops'] ?? 1);
  const name = `${node['Node Type']}${target ? ` ${target}` : ''}${loops > 1 ? ` ×${loops}` : ''}`;
  const children = (node.Plans ?? []).map(planText);
  return children.length > 0 ? `${name} → ${children.join(' + ')}` : name;
};

/** `explain (analyze)` of a captured statement as the application runs it (tenant transaction, app role). */
export const explainAnalyze = (database: Database, tenantId: string, query: CapturedQuery) =>
  database.withSession((s) =>
    s.transaction(async (t) => {
      await t.query(SCOPE_SQL, [APP_ROLE, tenantId, '']);
      const rows = await t.query<Record<string, unknown>>(
        `explain (analyze, format json) ${query.text}`,
        query.params,
      );
      const json = Object.values(rows[0] ?? {})[0];
      const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as {
        Plan: PlanNode;
        'Execution Time': number;
      }[];
      const first = parsed[0];
      if (!first) throw new Error('EXPLAIN returned no plan');
      return { plan: planText(first.Plan), executionMs: round(first['Execution Time']) };
    }),
  );
