import { parseArgs } from 'node:util';
import { documentCreateInput, permissions } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { issueInvoice } from '../src/modules/sales/documents/document-actions.service.ts';
import { createDraft } from '../src/modules/sales/documents/documents.service.ts';
import { generateSalesData } from '../src/modules/sales/index.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { withTenant } from '../src/platform/db/index.ts';
import * as kit from '../src/platform/records/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { benchAppConfig, runStandalone } from './bench-app.ts';

// DATABASE_URL=postgres://… node bench/sales.ts [--invoices 100000] [--issues 400] [--runs 100]
// Sales (issue #11). A generated tenant with `invoices` issued invoices (lines, payments; generateSalesData:
// set-based SQL in batches of 10 000), then:
// (a) issuing: `issues` draft invoices (two lines, made beforehand) issued through the module's service
//     (issueInvoice: the counter row locked for a gapless number, customer snapshot, status, audit row, the
//     invoice.issued outbox event, one transaction each) by 1 writer, then by 8 concurrent writers
//     (all on the same counter row: they queue on its lock) — issues per second, p50 / p99 of one issue;
// (b) the invoice list over real HTTP (GET /api/v1/invoices, Bearer token, the app on a loopback port):
//     first page, a status filter, a search by number and by customer name — `runs` sequential requests each,
//     p50 / p99 of the wall time the client sees.
// PDF renders per second: bench/pdf-render.ts (--pdf in run.ts). Method and figures: docs/performance.md.

export interface IssueCase {
  writers: number;
  issued: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}
export interface ListCase {
  name: string;
  rows: number;
  p50Ms: number;
  p99Ms: number;
}
export interface SalesResult {
  invoices: number;
  generateSeconds: number;
  issue: IssueCase[];
  list: ListCase[];
  loadAverage: number[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

const DRAFT_LINES = [
  { description: 'Boiler maintenance', quantity: 1, unitPriceCents: 22_000 },
  { description: 'Call-out', quantity: 1.5, unitPriceCents: 6_500 },
];

export const salesBench = async (
  database: Database,
  options: { invoices: number; issues: number; runs: number },
): Promise<SalesResult> => {
  const { config, jwtSecret } = benchAppConfig();
  const log = pino({ level: 'silent' });
  const tenant = await createGeneratedTenant(identityDeps({ config, jwtSecret, database }), {
    name: 'Sales bench',
    agents: 5,
  });
  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  try {
    const genStarted = performance.now();
    await generateSalesData(database, {
      tenantId: tenant.tenantId,
      counts: { invoices: options.invoices },
      ownerIds: tenant.memberIds,
    });
    const generateSeconds = round((performance.now() - genStarted) / 1000);
    const ctx = jobContext({
      database,
      log,
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      permissions,
      requestId: 'bench',
    });

    // (a) Issuing. Drafts first (not timed), then issued by 1 and by 8 writers.
    const input = documentCreateInput.parse({ customer: { name: 'Bench Customer Ltd' }, lines: DRAFT_LINES });
    const drafts: string[] = [];
    for (let i = 0; i < options.issues * 2; i++)
      drafts.push(await kit.inTenant(ctx, async (t) => (await createDraft(t, ctx, 'invoice', input)).id));
    const issue: IssueCase[] = [];
    for (const [writers, ids] of [
      [1, drafts.slice(0, options.issues)],
      [8, drafts.slice(options.issues)],
    ] as const) {
      const queue = [...ids];
      const times: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            const t0 = performance.now();
            await issueInvoice(ctx, id);
            times.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      issue.push({
        writers,
        issued: times.length,
        perSecond: round(times.length / seconds),
        p50Ms: round(percentile(times, 50)),
        p99Ms: round(percentile(times, 99)),
      });
    }
    // Gapless: the counter's numbers of this period are exactly 1 … count (generated and issued).
    const check = await withTenant(database, tenant.tenantId, async (tx) => {
      const r = (await tx.execute(sql`select count(*)::int as n, count(distinct number)::int as d
        from sales_documents where tenant_id = ${tenant.tenantId} and kind = 'invoice' and number is not null`)) as unknown as {
        rows: { n: number; d: number }[];
      };
      return r.rows[0];
    });
    if (!check || check.n !== options.invoices + options.issues * 2 || check.d !== check.n)
      throw new Error(`numbering check failed: ${JSON.stringify(check)}`);

    // (b) The invoice list over HTTP.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    const tokenRes = await fetch(`${url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const sample = await withTenant(database, tenant.tenantId, async (tx) => {
      const r = (await tx.execute(sql`select number, customer_name from sales_documents
        where tenant_id = ${tenant.tenantId} and kind = 'invoice' and customer_name <> 'Bench Customer Ltd'
        order by number offset ${Math.floor(options.invoices / 3)} limit 1`)) as unknown as {
        rows: { number: string; customer_name: string }[];
      };
      return r.rows[0];
    });
    if (!sample) throw new Error('no sample invoice');
    const cases: [string, string][] = [
      ['first page', ''],
      ['status = overdue', 'status=overdue'],
      [`search number "${sample.number}"`, `q=${encodeURIComponent(sample.number)}`],
      [`search customer "${sample.customer_name}"`, `q=${encodeURIComponent(sample.customer_name)}`],
    ];
    const list: ListCase[] = [];
    for (const [name, query] of cases) {
      const get = async () => {
        const res = await fetch(`${url}/invoices${query ? `?${query}` : ''}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`invoices ${res.status}: ${body.slice(0, 200)}`);
        return (JSON.parse(body) as { data: unknown[] }).data.length;
      };
      const rows = await get(); // warm-up
      for (let i = 0; i < 4; i++) await get();
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const t0 = performance.now();
        await get();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      list.push({ name, rows, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) });
    }
    const { loadavg } = await import('node:os');
    return {
      invoices: options.invoices,
      generateSeconds,
      issue,
      list,
      loadAverage: loadavg().map(round),
    };
  } finally {
    await app.close();
    await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
  }
};

export const salesLines = (r: SalesResult, runs: number) => [
  `sales: ${r.invoices.toLocaleString('en-US')} generated invoices (${r.generateSeconds} s, with lines and payments)`,
  ...r.issue.map(
    (c) =>
      `  issue a draft invoice (number + totals + audit + event), ${c.writers} writer${c.writers > 1 ? 's' : ''}: ` +
      `${c.perSecond}/s (${c.issued} issued), p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms`,
  ),
  `  GET /invoices over HTTP, ${runs} sequential requests each:`,
  ...r.list.map((c) => `    ${c.name} (${c.rows} rows): p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms`),
  `  load average at the end: ${r.loadAverage.join(' / ')}`,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string', default: '100000' },
      issues: { type: 'string', default: '400' },
      runs: { type: 'string', default: '100' },
    },
  });
  await runStandalone('sales.ts', async (database) => {
    const runs = Number(values.runs);
    const result = await salesBench(database, {
      invoices: Number(values.invoices),
      issues: Number(values.issues),
      runs,
    });
    console.log(salesLines(result, runs).join('\n'));
  });
}
