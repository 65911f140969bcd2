import { APP_ROLE, type Database, SCOPE_SQL } from '../src/platform/db/index.ts';
import type { CapturedQuery } from './sql-capture.ts';

/** One node of `EXPLAIN (FORMAT JSON)` output. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/**
 * The plan of a captured statement with its parameters, planned as the application plans it: inside a tenant
 * transaction as the application role (so the row-level-security predicate is part of the plan), with the
 * actual parameter values (node-postgres and PGlite send unnamed statements: custom plans).
 */
export const explain = (database: Database, tenantId: string, query: CapturedQuery): Promise<PlanNode> =>
  database.withSession((s) =>
    s.transaction(async (t) => {
      await t.query(SCOPE_SQL, [APP_ROLE, tenantId, '']);
      const rows = await t.query<Record<string, unknown>>(
        `explain (format json) ${query.text}`,
        query.params,
      );
      const json = Object.values(rows[0] ?? {})[0];
      const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: PlanNode }[];
      const plan = parsed[0]?.Plan;
      if (!plan) throw new Error('EXPLAIN returned no plan');
      return plan;
    }),
  );

/** Every node of a plan, depth first. */
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

/** What matters about a plan on `table`: which indexes it reads, whether it scans the table or sorts. */
export const planSummary = (plan: PlanNode, table = 'leads') => {
  const nodes = planNodes(plan);
  const prefix = `${table}_`;
  return {
    indexes: [
      ...new Set(nodes.flatMap((n) => (n['Index Name']?.startsWith(prefix) ? [n['Index Name']] : []))),
    ],
    seqScan: nodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table),
    sorts: nodes.some((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort'),
    indexConds: nodes.flatMap((n) => (n['Index Cond'] ? [n['Index Cond']] : [])),
  };
};

/** A compact one-line rendering of a plan, for logs and docs. */
export const planLine = (node: PlanNode): string => {
  const name = [
    node['Node Type'],
    node['Scan Direction'] === 'Backward' ? 'Backward' : '',
    node['Index Name'] ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const children = (node.Plans ?? []).map(planLine);
  return children.length > 0 ? `${name} → ${children.join(' + ')}` : name;
};
