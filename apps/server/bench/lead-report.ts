import { cpus, totalmem } from 'node:os';
import { sql } from 'drizzle-orm';
import { type BenchEnv, fmt } from './bench-env.ts';
import type { ScenarioResult } from './lead-load.ts';

// What run.ts prints and records about the run: the machine and the lead scenarios' table.

export const machine = async (env: BenchEnv, options: { connectionCounts: number[]; duration: number }) => {
  const [pgVersion] = await env.rows<{ version: string }>(sql`select version()`);
  const settings = await env.rows<{ name: string; setting: string; unit: string | null }>(sql`
    select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'random_page_cost',
                   'max_parallel_workers_per_gather')`);
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion?.version.split(' on ')[0] ?? 'unknown',
    postgresSettings: Object.fromEntries(
      settings.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ''}`]),
    ),
    appPoolMax: env.config.DATABASE_POOL_MAX,
    connections: options.connectionCounts,
    durationSeconds: options.duration,
  };
};

/** The results as a Markdown table (the first two columns left-aligned). */
export const table = (results: ScenarioResult[]) => {
  const header = [
    'leads',
    'scenario',
    'conn',
    'req/s',
    'p50 ms',
    'p99 ms',
    'bare req/s',
    'bare p50',
    'bare p99',
    'ratio',
    'pgbench tps',
    'app/pgbench',
  ];
  const body = results.map((r) => [
    fmt(r.size),
    r.scenario,
    String(r.connections),
    fmt(r.app.reqPerSec),
    fmt(r.app.p50),
    fmt(r.app.p99),
    fmt(r.bare.reqPerSec),
    fmt(r.bare.p50),
    fmt(r.bare.p99),
    r.ratio.toFixed(2),
    r.pgbench ? fmt(r.pgbench.tps) : '',
    r.pgbench ? r.pgbench.ratio.toFixed(2) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
};
