import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { kpiQuery, permissions } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { compactCrmRollups } from '../src/modules/crm/index.ts';
import { registeredKpis } from '../src/modules/reporting/kpi-registry.ts';
import { runKpi } from '../src/modules/reporting/kpis.service.ts';
import { generateSalesData } from '../src/modules/sales/index.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createGeneratedTenant, generateData } from '../src/seed/generate.ts';
import { benchAppConfig, runStandalone } from './bench-app.ts';
import { explain, planNodes } from './explain.ts';
import type { LoadResult, LoadSpec } from './load-worker.ts';
import { captureQueries, withoutFrame } from './sql-capture.ts';

// DATABASE_URL=postgres://… node bench/kpis.ts [--leads 100000] [--invoices 10000] [--duration 10] [--connections 10]
// (or `npm run bench -- --kpis N`). Every registered KPI endpoint (GET /api/v1/reports/kpis/:name, the default
// period: the last 12 months, grouped by month) under autocannon load (`connections` connections for `duration`
// seconds, Bearer token of the tenant's owner: no record scope) on a generated tenant with `leads` leads (N/20
// companies, N/10 deals) and `invoices` issued invoices (default N/10; generateSalesData: lines,
// payments, credit notes). Besides p50/p99 and requests per second, each KPI's statements are captured from the
// real service call and EXPLAINed as the app role: the sequential scans of big tables are listed.
// Method and figures: docs/performance.md.

export interface KpiCase {
  name: string;
  rows: number;
  load: LoadResult;
  /** Tables read by a sequential scan in the KPI's statements (`table (n rows estimated)`). */
  seqScans: string[];
}
export interface KpiBenchResult {
  leads: number;
  invoices: number;
  generateSeconds: number;
  cases: KpiCase[];
  loadAverage: number[];
}

const round = (n: number) => Math.round(n * 10) / 10;
/** Tables whose sequential scan matters (they grow with the tenant). */
const BIG = new Set(['leads', 'deals', 'companies', 'contacts', 'sales_documents', 'payments', 'activities']);

/** One autocannon run in a child process (off the app's event loop), like run.ts. */
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

export const kpisBench = async (
  database: Database,
  options: { leads: number; invoices: number; duration: number; connections: number },
): Promise<KpiBenchResult> => {
  const { config, jwtSecret } = benchAppConfig();
  const log = pino({ level: 'silent' });
  const tenant = await createGeneratedTenant(identityDeps({ config, jwtSecret, database }), {
    name: 'KPI bench',
    agents: 5,
  });
  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  try {
    const started = performance.now();
    await generateData(
      database,
      tenant.tenantId,
      {
        leads: options.leads,
        companies: Math.floor(options.leads / 20),
        deals: Math.floor(options.leads / 10),
      },
      { batchSize: 10_000 },
    );
    if (options.invoices > 0)
      await generateSalesData(database, {
        tenantId: tenant.tenantId,
        counts: { invoices: options.invoices },
        ownerIds: tenant.memberIds,
      });
    // What the crm.compact-rollups job does every 10 minutes: one roll-up row per key (ADR 0037).
    await compactCrmRollups(database, tenant.tenantId);
    await database.db.execute(sql`analyze`);
    const generateSeconds = round((performance.now() - started) / 1000);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    const tokenRes = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const ctx = jobContext({ database, log, tenantId: tenant.tenantId, userId: tenant.ownerId, permissions });

    const cases: KpiCase[] = [];
    for (const kpi of registeredKpis()) {
      const path = `/api/v1/reports/kpis/${kpi.name}`;
      const first = await fetch(`${base}/reports/kpis/${kpi.name}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await first.text();
      if (first.status !== 200) throw new Error(`${kpi.name}: ${first.status} ${body.slice(0, 200)}`);
      const rows = (JSON.parse(body) as { data: { rows: unknown[] } }).data.rows.length;
      const { queries } = await captureQueries(database, (db) =>
        runKpi({ ...ctx, database: db }, kpi.name, kpiQuery.parse({})),
      );
      const seqScans = new Set<string>();
      for (const q of withoutFrame(queries))
        for (const node of planNodes(await explain(database, tenant.tenantId, q)))
          if (node['Node Type'] === 'Seq Scan' && BIG.has(node['Relation Name'] ?? ''))
            seqScans.add(`${node['Relation Name']} (~${node['Plan Rows']} rows out)`);
      const result = await load({
        url: `${base.replace('/api/v1', '')}${path}`,
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
        duration: options.duration,
        connections: options.connections,
      });
      cases.push({ name: kpi.name, rows, load: result, seqScans: [...seqScans] });
      console.log(kpiLine(cases.at(-1) as KpiCase));
    }
    return {
      leads: options.leads,
      invoices: options.invoices,
      generateSeconds,
      cases,
      loadAverage: loadavg().map(round),
    };
  } finally {
    await app.close();
    await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
  }
};

const kpiLine = (c: KpiCase) =>
  `    ${c.name} (${c.rows} rows): ${round(c.load.reqPerSec)} req/s, p50 ${c.load.p50} ms, p99 ${c.load.p99} ms` +
  `${c.load.non2xx || c.load.errors ? `, ${c.load.non2xx} non-2xx, ${c.load.errors} errors` : ''}` +
  `${c.seqScans.length ? `; seq scan: ${c.seqScans.join(', ')}` : ''}`;

export const kpiLines = (r: KpiBenchResult, connections: number, duration: number) => [
  `KPIs: ${r.leads.toLocaleString('en-US')} generated leads (with companies and deals), ${r.invoices.toLocaleString('en-US')} invoices (${r.generateSeconds} s)`,
  `  GET /reports/kpis/:name (last 12 months by month, owner), ${connections} connections × ${duration} s each:`,
  ...r.cases.map(kpiLine),
  `  load average at the end: ${r.loadAverage.join(' / ')}`,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      leads: { type: 'string', default: '100000' },
      invoices: { type: 'string' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
    },
  });
  await runStandalone(
    'kpis.ts',
    async (database) => {
      const leads = Number(values.leads);
      const opts = {
        leads,
        invoices: values.invoices === undefined ? Math.floor(leads / 10) : Number(values.invoices),
        duration: Number(values.duration),
        connections: Number(values.connections),
      };
      const result = await kpisBench(database, opts);
      console.log(kpiLines(result, opts.connections, opts.duration).join('\n'));
    },
    // Generating on a loaded machine: a batch may take longer than the app's 30-second statement limit.
    { DATABASE_QUERY_TIMEOUT_MS: process.env.DATABASE_QUERY_TIMEOUT_MS ?? '600000' },
  );
}
