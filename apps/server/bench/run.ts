import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/platform/db/index.ts';
import { fmt, openBenchEnv } from './bench-env.ts';
import type { ScenarioResult } from './lead-load.ts';
import { machine, table } from './lead-report.ts';
import { runSize } from './lead-size.ts';
import { runOptionalScenarios } from './optional-scenarios.ts';
import { benchOptions } from './options.ts';

// npm run bench -- [--sizes 100000,1000000] [--duration 10] [--connections 10,32] [--keep]
// Load scenarios on generated data against the real app and against a bare route running the same SQL
// (lead-size.ts, one generated tenant per size), then the optional scenarios (optional-scenarios.ts).
// Flags: options.ts (--help). Method and results: docs/performance.md.

const options = benchOptions();
const { duration, warmup, connectionCounts } = options;
const env = await openBenchEnv(options.environment);

try {
  await migrate(env.database, env.log);
  const info = await machine(env, options);
  console.log(
    `Tessera benchmark: ${info.cpus} × ${info.cpuModel}, ${info.memoryGb} GB, Node ${info.node}, ${info.postgres}`,
  );
  console.log(
    `${duration} s per run after ${warmup} s warm-up, ${connectionCounts.join(' and ')} connections, app pool ${info.appPoolMax}`,
  );
  const all: ScenarioResult[] = [];
  const generation: object[] = [];
  for (const size of options.sizes) {
    const { generation: g, results } = await runSize(env, size, options);
    generation.push(g);
    all.push(...results);
  }
  console.log(
    `\n${table(all)}\n\nratio = app req/s ÷ bare req/s (same SQL, raw pg, no plugins); ` +
      'app/pgbench = app creates/s ÷ pgbench TPS of the same statements (pgbench -n -f script -c C -j 2)',
  );
  const optional = await runOptionalScenarios(env, options);
  console.log('\nPlans (EXPLAIN of the captured statements on the generated tenant):');
  for (const r of all.filter((x) => x.connections === connectionCounts[0]))
    for (const p of r.plans) console.log(`  ${fmt(r.size)} ${r.scenario}: ${p}`);
  const file = join(tmpdir(), `tessera-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), machine: info, generation, results: all, ...optional },
      null,
      2,
    ),
  );
  console.log(`\nResults written to ${file}`);
} catch (err) {
  const cause = (err as { cause?: unknown }).cause;
  console.error(
    err instanceof Error ? err.message.split('\n')[0] : err,
    cause instanceof Error ? cause.message : '',
  );
  process.exitCode = 1;
} finally {
  await env.database.close();
}
