import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { leadCreateInput, leadListQuery } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { ConfigError, environmentVariables, loadConfig } from '../src/config/index.ts';
import { createLead, getLead, listLeads } from '../src/modules/crm/leads/leads.service.ts';
import type { AuthedContext } from '../src/platform/context/service-context.ts';
import { newId } from '../src/platform/db/columns.ts';
import { migrate, withTenant } from '../src/platform/db/index.ts';
import type { IdempotentWrite } from '../src/platform/http/idempotent-write.ts';
import { createGeneratedTenant, generateData } from '../src/seed/generate.ts';
import { type BareRoute, startBareServer } from './bare-server.ts';
import { dispatchBoardBench, dispatchBoardLines } from './dispatch-board.ts';
import { documentLines, documentThroughput } from './document-throughput.ts';
import { explain, planLine, planSummary } from './explain.ts';
import { importLines, importThroughput, roundLine } from './import-throughput.ts';
import { kpiLines, kpisBench } from './kpis.ts';
import type { LoadResult, LoadSpec } from './load-worker.ts';
import { outboxLines, outboxThroughput } from './outbox-throughput.ts';
import { pdfRenderLines, pdfRenderRate } from './pdf-render.ts';
import { type PgbenchResult, pgbenchScript, runPgbench } from './pgbench.ts';
import { salesBench, salesLines } from './sales.ts';
import { schedulingBench, schedulingLines } from './scheduling.ts';
import { socketFanout } from './socket-fanout.ts';
import { type CapturedQuery, captureQueries, withoutFrame } from './sql-capture.ts';
import { workBench, workLines } from './work.ts';

// npm run bench -- [--sizes 100000,1000000] [--duration 10] [--connections 10,32] [--keep]
// Load scenarios on generated data against the real app and against a bare route running the same SQL.
// Method and results: docs/performance.md.

const USAGE = `Usage: DATABASE_URL=postgres://… npm run bench -- [--sizes 100000,1000000] [--duration 10]
       [--warmup 2] [--connections 10,32] [--sockets 1000] [--outbox 3] [--pdf 3] [--documents 5]
       [--board 50] [--import 100000] [--import-rounds 3] [--work 200] [--sales 100000] [--kpis 0]
       [--keep]

Runs against real PostgreSQL only (use a dedicated database: each size adds a tenant with that many leads,
deleted again at the end unless --keep).`;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10,32' },
    keep: { type: 'boolean', default: false },
    sockets: { type: 'string', default: '1000' },
    outbox: { type: 'string', default: '3' },
    pdf: { type: 'string', default: '3' },
    documents: { type: 'string', default: '5' },
    board: { type: 'string', default: '50' },
    import: { type: 'string', default: '100000' },
    'import-rounds': { type: 'string', default: '3' },
    work: { type: 'string', default: '200' },
    sales: { type: 'string', default: '100000' },
    kpis: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const environment = environmentVariables();
if (!environment.DATABASE_URL) {
  console.error(
    `npm run bench needs DATABASE_URL: it measures real PostgreSQL, never the embedded PGlite.\n\n${USAGE}`,
  );
  process.exit(1);
}
const sizes = args.sizes.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
const duration = Number(args.duration);
const warmup = Number(args.warmup);
// Every HTTP scenario (app and bare) and the pgbench create baseline run at each of these.
const connectionCounts = args.connections.split(',').map((s) => Number(s.trim()));
if (
  sizes.some((n) => !Number.isSafeInteger(n) || n < 1000) ||
  !(duration > 0) ||
  connectionCounts.some((c) => !Number.isSafeInteger(c) || c < 1)
) {
  console.error(USAGE);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({
    ...environment,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: environment.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    // The benchmark is the only client: the global rate limit must not cap it.
    RATE_LIMIT_MAX: '1000000000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
  });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const jwtSecret = config.JWT_SECRET as string;
const log = pino({ level: 'silent' });
const database = await openConfiguredDatabase(config, log);
const connectionString = config.DATABASE_URL as string;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

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

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** App paths (rotated when several). */
  paths: string[];
  body?: object;
  /** The statements the service runs, captured from the real service call. */
  captured: CapturedQuery[];
  /** The bare route serving the same statements. */
  bare: BareRoute;
  /** Paths for the bare server (rotated). */
  barePaths: string[];
}

interface ScenarioResult {
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

const machine = async () => {
  const [pgVersion] = await rows<{ version: string }>(sql`select version()`);
  const settings = await rows<{ name: string; setting: string; unit: string | null }>(sql`
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
    appPoolMax: config.DATABASE_POOL_MAX,
    connections: connectionCounts,
    durationSeconds: duration,
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Replaces every `from` value among the statements' parameters by `to` (ids and keys that differ per request),
 * also inside string parameters (the lead id inside the stored idempotent answer).
 */
const substitute = (statements: CapturedQuery[], map: ReadonlyMap<string, string>): CapturedQuery[] =>
  statements.map((s) => ({
    text: s.text,
    params: s.params.map((p) =>
      typeof p === 'string' ? [...map].reduce((v, [from, to]) => v.replaceAll(from, to), p) : p,
    ),
  }));

/** The share of leads a mid-frequency search term matches (issue #9: ~0.6 %). */
const MID_FREQUENCY = 0.006;

/**
 * A 3-digit search term that ~0.6 % of the tenant's leads match (the generator's phones and e-mails make digit
 * triples frequent): the triple whose share in a sample of 2 000 leads is closest, then counted exactly with
 * the list's own predicate (`search_text like '%term%'`).
 */
const midFrequencyTerm = async (tenantId: string, size: number) => {
  const sample = await withTenant(database, tenantId, async (tx) =>
    (
      (await tx.execute(
        sql`select search_text from leads where tenant_id = ${tenantId} order by random() limit 2000`,
      )) as unknown as { rows: { search_text: string }[] }
    ).rows.map((r) => r.search_text),
  );
  const counts = new Map<string, number>();
  for (const text of sample) {
    const triples = new Set<string>();
    for (let i = 0; i + 3 <= text.length; i++) {
      const t = text.slice(i, i + 3);
      if (/^\d{3}$/.test(t)) triples.add(t);
    }
    for (const t of triples) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const wanted = MID_FREQUENCY * sample.length;
  const [term] = [...counts].sort((a, b) => Math.abs(a[1] - wanted) - Math.abs(b[1] - wanted))[0] ?? ['555'];
  const [row] = await withTenant(
    database,
    tenantId,
    async (tx) =>
      (
        (await tx.execute(
          sql`select count(*)::int as n from leads where tenant_id = ${tenantId} and search_text like ${`%${term}%`}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows,
  );
  return { term, matches: row?.n ?? 0, share: (row?.n ?? 0) / size };
};

const runSize = async (size: number): Promise<{ generation: object; results: ScenarioResult[] }> => {
  console.log(`\n=== ${fmt(size)} leads ===`);
  const deps = identityDeps({ config, jwtSecret, database });
  const tenant = await createGeneratedTenant(deps, { name: `Bench ${fmt(size)}`, agents: 5 });
  const started = performance.now();
  const tables = await generateData(
    database,
    tenant.tenantId,
    { leads: size },
    {
      onBatch: ({ done, total, elapsedMs }) =>
        process.stdout.write(
          `\r  generating: ${fmt(done)}/${fmt(total)} (${fmt(done / (elapsedMs / 1000))} rows/s)   `,
        ),
    },
  );
  const genMs = performance.now() - started;
  const leadsMs = tables.find((t) => t.table === 'leads')?.ms ?? genMs;
  console.log(
    `\n  generated ${fmt(size)} leads in ${(genMs / 1000).toFixed(1)} s (${fmt(size / (leadsMs / 1000))} rows/s inserting, then VACUUM ANALYZE)`,
  );

  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const bareServers: { close(): Promise<void> }[] = [];
  try {
    const tokenRes = await fetch(`${appUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    if (!tokenRes.ok) throw new Error(`token failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const headers = { authorization: `Bearer ${token}` };

    // A cursor ~10 000 rows deep, by paging the API as a client would (100 pages of 100).
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await fetch(`${appUrl}/api/v1/leads?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        headers,
      });
      const json = (await res.json()) as { pagination: { nextCursor: string | null } };
      cursor = json.pagination.nextCursor;
      if (!cursor) throw new Error('ran out of pages before 10 000 rows');
    }
    const deepCursor = cursor as string;

    const sampleIds = await withTenant(database, tenant.tenantId, async (tx) =>
      (
        (await tx.execute(
          sql`select id from leads where tenant_id = ${tenant.tenantId} order by random() limit 500`,
        )) as unknown as {
          rows: { id: string }[];
        }
      ).rows.map((r) => r.id),
    );
    const [rare] = await withTenant(
      database,
      tenant.tenantId,
      async (tx) =>
        (
          (await tx.execute(sql`select email from leads where tenant_id = ${tenant.tenantId} and email is not null
                              order by created_at limit 1 offset ${Math.floor(size / 3)}`)) as unknown as {
            rows: { email: string }[];
          }
        ).rows,
    );
    if (!rare || sampleIds.length === 0) throw new Error('no sample leads');
    const rareTerm = rare.email.split('@')[0] as string;
    const mid = await midFrequencyTerm(tenant.tenantId, size);
    console.log(
      `  mid-frequency term "${mid.term}": ${fmt(mid.matches)} matches (${((100 * mid.matches) / size).toFixed(2)} %)`,
    );

    const ctx: AuthedContext = {
      database,
      log,
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      requestId: 'bench',
      afterCommit: () => {},
      auth: {
        kind: 'session',
        tenantId: tenant.tenantId,
        userId: tenant.ownerId,
        viaCookie: false,
        csrfValid: false,
        permissions: new Set(),
        scopes: {},
      },
    };
    const capture = async (fn: (c: AuthedContext) => Promise<unknown>) =>
      withoutFrame((await captureQueries(database, (db) => fn({ ...ctx, database: db }))).queries);
    const list = async (name: string, slug: string, query: Record<string, string>): Promise<Scenario> => {
      const captured = await capture((c) => listLeads(c, leadListQuery.parse(query)));
      const qs = new URLSearchParams(query).toString();
      return {
        name,
        method: 'GET',
        paths: [`/api/v1/leads${qs ? `?${qs}` : ''}`],
        captured,
        bare: { method: 'GET', url: `/bare/${slug}`, statements: () => captured },
        barePaths: [`/bare/${slug}`],
      };
    };

    const scenarios: Scenario[] = [
      await list('list page 1', 'page1', {}),
      await list('list, cursor 10k deep', 'deep', { cursor: deepCursor }),
      await list('search "garcia" (common)', 'search-common', { q: 'garcia' }),
      await list(`search "${mid.term}" (mid, ${mid.matches})`, 'search-mid', { q: mid.term }),
      await list(`search e-mail (1 match)`, 'search-rare', { q: rareTerm }),
    ];
    const sampleId = sampleIds[0] as string;
    const getCaptured = await capture((c) => getLead(c, sampleId));
    scenarios.push({
      name: 'get by id',
      method: 'GET',
      paths: sampleIds.map((id) => `/api/v1/leads/${id}`),
      captured: getCaptured,
      bare: {
        method: 'GET',
        url: '/bare/leads/:id',
        statements: (req) =>
          substitute(getCaptured, new Map([[sampleId, (req.params as { id: string }).id]])),
      },
      barePaths: sampleIds.map((id) => `/bare/leads/${id}`),
    });
    const body = {
      firstName: 'Bench',
      lastName: 'Lead',
      email: 'bench.lead@example.com',
      phone: '+1 555-010-0100',
      companyName: 'Bench Plumbing',
      source: 'website',
      score: 50,
      estimatedValueCents: 125_000,
      tags: ['bench'],
    };
    // Captured with an Idempotency-Key, as the load sends one: the claim and the stored answer are part of
    // the create's transaction (ADR 0026), so the bare route and pgbench run them too.
    const captureKey = `bench-capture-${newId()}`;
    const idempotency: IdempotentWrite = {
      scope: `t:${tenant.tenantId}:u:${tenant.ownerId}`,
      key: captureKey,
      requestHash: randomBytes(32).toString('hex'),
      status: 201,
      serialize: (answer) => JSON.stringify(answer),
      claimed: false,
    };
    const createCaptured = await capture((c) =>
      createLead({ ...c, idempotency }, leadCreateInput.parse(body)),
    );
    const known = new Set([tenant.tenantId, ...tenant.memberIds]);
    const generated = [
      ...new Set(
        createCaptured
          .flatMap((s) => s.params)
          .filter((p): p is string => typeof p === 'string' && UUID.test(p) && !known.has(p)),
      ),
    ];
    const createScript = pgbenchScript(
      createCaptured,
      { tenantId: tenant.tenantId, userId: tenant.ownerId },
      [
        { value: captureKey, prefix: 'bench-pgbench-' },
        ...generated.map((id) => ({ value: id, prefix: id.slice(0, 24) })),
      ],
    );
    const createScriptFile = join(tmpdir(), `tessera-bench-create-${process.pid}.sql`);
    scenarios.push({
      name: 'create',
      method: 'POST',
      paths: ['/api/v1/leads'],
      body,
      captured: createCaptured,
      bare: {
        method: 'POST',
        url: '/bare/leads',
        statements: () =>
          substitute(
            createCaptured,
            new Map([
              [captureKey, `bench-bare-${newId()}`],
              ...generated.map((id) => [id, newId()] as const),
            ]),
          ),
      },
      barePaths: ['/bare/leads'],
    });

    const bare = await startBareServer(
      connectionString,
      config.DATABASE_POOL_MAX,
      {
        tenantId: tenant.tenantId,
        userId: tenant.ownerId,
      },
      scenarios.map((s) => s.bare),
    );
    bareServers.push(bare);

    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const plans: string[] = [];
      for (const statement of s.captured) {
        if (!/\bfrom "leads"|into "leads"/.test(statement.text) || /^\s*insert/i.test(statement.text))
          continue;
        const plan = await explain(database, tenant.tenantId, statement);
        const summary = planSummary(plan);
        plans.push(`${planLine(plan)}${summary.seqScan ? '  [SEQ SCAN]' : ''}`);
      }
      for (const connections of connectionCounts) {
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
          url: `${bare.url}${s.barePaths[0]}`,
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
          const options = { connections, seconds: duration };
          if (warmup > 0)
            await runPgbench(connectionString, createScriptFile, createScript, {
              ...options,
              seconds: warmup,
            });
          const r = await runPgbench(connectionString, createScriptFile, createScript, options);
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
          size,
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
    console.log(`  pgbench script of one create (as run): ${createScriptFile}`);
    return {
      generation: {
        leads: size,
        seconds: genMs / 1000,
        insertRowsPerSecond: size / (leadsMs / 1000),
        tables,
      },
      results,
    };
  } finally {
    for (const b of bareServers) await b.close();
    await app.close();
    if (!args.keep) {
      const t0 = performance.now();
      await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
      await database.db.execute(sql`delete from users where id in ${tenant.memberIds}`);
      // The creates' Idempotency-Keys (app, bare route and pgbench all claim keys in the owner's scope).
      await database.db.execute(
        sql`delete from idempotency_keys where scope = ${`t:${tenant.tenantId}:u:${tenant.ownerId}`}`,
      );
      console.log(
        `  removed the bench tenant in ${((performance.now() - t0) / 1000).toFixed(1)} s (--keep keeps it)`,
      );
    } else {
      console.log(`  kept tenant ${tenant.tenantId}: sign in as ${tenant.email} / ${tenant.password}`);
    }
  }
};

const table = (results: ScenarioResult[]) => {
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

try {
  await migrate(database, log);
  const info = await machine();
  console.log(
    `Tessera benchmark: ${info.cpus} × ${info.cpuModel}, ${info.memoryGb} GB, Node ${info.node}, ${info.postgres}`,
  );
  console.log(
    `${duration} s per run after ${warmup} s warm-up, ${connectionCounts.join(' and ')} connections, app pool ${info.appPoolMax}`,
  );
  const all: ScenarioResult[] = [];
  const generation: object[] = [];
  for (const size of sizes) {
    const { generation: g, results } = await runSize(size);
    generation.push(g);
    all.push(...results);
  }
  console.log(
    `\n${table(all)}\n\nratio = app req/s ÷ bare req/s (same SQL, raw pg, no plugins); ` +
      'app/pgbench = app creates/s ÷ pgbench TPS of the same statements (pgbench -n -f script -c C -j 2)',
  );
  const fanout = Number(args.sockets) > 0 ? await socketFanout(Number(args.sockets), 50) : undefined;
  if (fanout)
    console.log(
      `\nsocket fan-out: ${fanout.clients} clients in one tenant room, ${fanout.deliveries} deliveries: ` +
        `p50 ${fanout.p50Ms} ms, p99 ${fanout.p99Ms} ms, max ${fanout.maxMs} ms`,
    );
  const outboxOptions = { seconds: Number(args.outbox), tenants: 4, writers: 8, batch: 10 };
  const outbox = outboxOptions.seconds > 0 ? await outboxThroughput(database, outboxOptions) : undefined;
  if (outbox) console.log(`\n${outboxLines(outbox, outboxOptions).join('\n')}`);
  // Sales documents: PDF and UBL renders per second (--pdf 0 skips, --pdf N seconds per case).
  if (Number(args.pdf) > 0)
    console.log(`\n${pdfRenderLines(await pdfRenderRate(Number(args.pdf)), Number(args.pdf)).join('\n')}`);
  const schedulingOptions = { agents: 50, days: 14, runs: 50, seconds: 3 };
  const scheduling = await schedulingBench(identityDeps({ config, jwtSecret, database }), schedulingOptions);
  console.log(`\n${schedulingLines(scheduling).join('\n')}`);
  const documents =
    Number(args.documents) > 0
      ? await documentThroughput(database, { mb: 10, runs: Number(args.documents) })
      : undefined;
  if (documents) console.log(`\n${documentLines(documents).join('\n')}`);
  // Dispatch board: 50 crews × 400 (and 4,000) jobs in a week; --board 0 skips, --board N sets the runs.
  const boardRuns = Number(args.board);
  const board =
    boardRuns > 0
      ? await dispatchBoardBench(database, { crews: 50, jobs: [400, 4000], runs: boardRuns })
      : undefined;
  if (board) console.log(`\n${dispatchBoardLines(board, boardRuns).join('\n')}`);
  // CRM lead import vs a plain COPY of the same rows (--import 0 skips, --import N rows).
  const importRows = Number(args.import);
  const imports =
    importRows > 0
      ? await importThroughput(database, {
          rows: importRows,
          rounds: Number(args['import-rounds']),
          onRound: (r) => console.log(roundLine(importRows, r)),
        })
      : undefined;
  if (imports) console.log(`\n${importLines(imports).join('\n')}`);
  // Work: timesheet week saves, utilisation and budgets on N members × a year of entries (--work 0 skips).
  const workMembers = Number(args.work);
  const work =
    workMembers > 0
      ? await workBench(database, { members: workMembers, runs: 100, seconds: 5, clients: 8 })
      : undefined;
  if (work) console.log(`\n${workLines(work).join('\n')}`);
  // Sales: issuing (1 and 8 writers) and the invoice list on N generated invoices (--sales 0 skips).
  const sales =
    Number(args.sales) > 0
      ? await salesBench(database, { invoices: Number(args.sales), issues: 400, runs: 100 })
      : undefined;
  if (sales) console.log(`\n${salesLines(sales, 100).join('\n')}`);
  // Every KPI endpoint on N leads (and N/10 invoices), at the first connection count; --kpis 0 (default)
  // skips: bench/kpis.ts.
  const kpiLeads = Number(args.kpis);
  const kpiConnections = connectionCounts[0] ?? 10;
  const kpiRun = {
    leads: kpiLeads,
    invoices: Math.floor(kpiLeads / 10),
    duration,
    connections: kpiConnections,
  };
  const kpis = kpiLeads > 0 ? await kpisBench(database, kpiRun) : undefined;
  if (kpis) console.log(`\n${kpiLines(kpis, kpiConnections, duration).join('\n')}`);
  console.log('\nPlans (EXPLAIN of the captured statements on the generated tenant):');
  for (const r of all.filter((x) => x.connections === connectionCounts[0]))
    for (const p of r.plans) console.log(`  ${fmt(r.size)} ${r.scenario}: ${p}`);
  const file = join(tmpdir(), `tessera-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: info,
        generation,
        results: all,
        fanout,
        outbox,
        documents,
        board,
        imports,
        work,
        sales,
        kpis,
      },
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
  await database.close();
}
