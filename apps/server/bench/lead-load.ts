import { fork } from 'node:child_process';
import type { BenchEnv } from './bench-env.ts';
import { fmt } from './bench-env.ts';
import { explain, planLine, planSummary } from './explain.ts';
import type { Scenario } from './lead-scenarios.ts';
import type { LoadResult, LoadSpec } from './load-worker.ts';
import { type PgbenchResult, runPgbench } from './pgbench.ts';

// Each lead scenario under load: the app and the bare route at every connection count (autocannon in a child
// process), pgbench for the create, and the EXPLAIN of the statements that read leads.

export interface ScenarioResult {
  size: number;
  scenario: string;
  connections: number;
  app: LoadResult;
  bare: LoadResult;
  ratio: number;
  /** Creates: pgbench running the same statements as one transaction per create (see pgbench.ts). */
  pgbench?: PgbenchResult & { ratio: number };
  plans: string[];
}

/** Runs one autocannon load in a child process (so the load generator does not share the app's event loop). */
const load = (spec: LoadSpec): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.ts', import.meta.url), [JSON.stringify(spec)], {
      stdio: 'inherit',
    });
    child.once('message', (m: LoadResult | { error: string }) =>
      'error' in m ? reject(new Error(m.error)) : resolve(m),
    );
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });

export interface LoadTargets {
  size: number;
  tenantId: string;
  appUrl: string;
  /** The app's Bearer header. */
  headers: Record<string, string>;
  bareUrl: string;
  /** pgbench's script of one create, and the file it is written to. */
  createScript: string;
  createScriptFile: string;
}

export const measureScenarios = async (
  env: BenchEnv,
  scenarios: Scenario[],
  targets: LoadTargets,
  options: { duration: number; warmup: number; connectionCounts: number[] },
): Promise<ScenarioResult[]> => {
  const { duration, warmup } = options;
  const { appUrl, headers, createScript, createScriptFile } = targets;
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    const plans: string[] = [];
    for (const statement of s.captured) {
      if (!/\bfrom "leads"|into "leads"/.test(statement.text) || /^\s*insert/i.test(statement.text)) continue;
      const plan = await explain(env.database, targets.tenantId, statement);
      const summary = planSummary(plan);
      plans.push(`${planLine(plan)}${summary.seqScan ? '  [SEQ SCAN]' : ''}`);
    }
    for (const connections of options.connectionCounts) {
      const common = {
        method: s.method,
        duration,
        connections,
        ...(s.body ? { body: JSON.stringify(s.body) } : {}),
        idempotencyKey: s.method === 'POST',
      };
      const appSpec: LoadSpec = {
        ...common,
        url: `${appUrl}${s.paths[0]}`,
        headers: { ...headers, ...(s.body ? { 'content-type': 'application/json' } : {}) },
        ...(s.paths.length > 1 ? { paths: s.paths } : {}),
      };
      const bareSpec: LoadSpec = {
        ...common,
        url: `${targets.bareUrl}${s.barePaths[0]}`,
        headers: s.body ? { 'content-type': 'application/json' } : {},
        ...(s.barePaths.length > 1 ? { paths: s.barePaths } : {}),
      };
      process.stdout.write(`  ${s.name}, ${connections} connections: app…`);
      if (warmup > 0) await load({ ...appSpec, duration: warmup });
      const appResult = await load(appSpec);
      process.stdout.write(' bare…');
      if (warmup > 0) await load({ ...bareSpec, duration: warmup });
      const bareResult = await load(bareSpec);
      const ratio = appResult.reqPerSec / bareResult.reqPerSec;
      let pgbench: ScenarioResult['pgbench'];
      if (s.name === 'create') {
        process.stdout.write(' pgbench…');
        const pgOptions = { connections, seconds: duration };
        if (warmup > 0)
          await runPgbench(env.connectionString, createScriptFile, createScript, {
            ...pgOptions,
            seconds: warmup,
          });
        const r = await runPgbench(env.connectionString, createScriptFile, createScript, pgOptions);
        pgbench = { ...r, ratio: appResult.reqPerSec / r.tps };
      }
      console.log(
        ` ${fmt(appResult.reqPerSec)} vs ${fmt(bareResult.reqPerSec)} req/s` +
          (pgbench ? `, pgbench ${fmt(pgbench.tps)} tps` : ''),
      );
      for (const [who, r] of [
        ['app', appResult],
        ['bare', bareResult],
      ] as const) {
        if (r.non2xx > 0 || r.errors > 0)
          console.log(
            `    ! ${who}: ${r.non2xx} non-2xx, ${r.errors} errors ${JSON.stringify(r.statusCodes)}`,
          );
      }
      if (pgbench?.failed) console.log(`    ! pgbench: ${pgbench.failed} failed transactions`);
      results.push({
        size: targets.size,
        scenario: s.name,
        connections,
        app: appResult,
        bare: bareResult,
        ratio,
        ...(pgbench ? { pgbench } : {}),
        plans,
      });
    }
  }
  return results;
};
