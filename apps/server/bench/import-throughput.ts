import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import { runImport } from '../src/modules/crm/imports/import-job.ts';
import { newId } from '../src/platform/db/columns.ts';
import { copyRows, copyText } from '../src/platform/db/copy.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/index.ts';

import { createGeneratedTenant } from '../src/seed/generate.ts';

// DATABASE_URL=postgres://… node bench/import-throughput.ts [--rows 20000] [--rounds 3]
// An N-row lead CSV imported through the app (multipart upload over HTTP with a Bearer token, then the
// `crm.import` job's own code) side by side with a plain `COPY` of the same rows, as the bench's superuser
// connection, into the same leads table with all its indexes (another new tenant). ratio = import ÷ COPY
// wall time. Method: docs/performance.md.

export interface ImportRound {
  /** Upload (HTTP: parse, store the file, check the columns). */
  uploadSeconds: number;
  /** The import job: parse, validate, dedupe, write, report. */
  jobSeconds: number;
  importSeconds: number;
  copySeconds: number;
}

export interface ImportCase {
  rows: number;
  rounds: ImportRound[];
  /** Medians over the rounds. */
  importSeconds: number;
  copySeconds: number;
  rowsPerSecond: number;
  /** Median of the rounds' import ÷ COPY. */
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
const SOURCES = ['website', 'referral', 'event', 'cold_call', 'partner'];

/** The N leads of the file, as the app stores them (e-mails in lower case, values in cents). */
const leadsOf = (n: number, salt: string) =>
  Array.from({ length: n }, (_, i) => ({
    firstName: FIRST[i % FIRST.length] as string,
    lastName: `${LAST[(i * 7) % LAST.length]}`,
    email: `lead${i}.${salt}@example.com`,
    phone: `+1 555 ${String(1_000_000 + i).slice(1, 4)} ${String(i).padStart(4, '0').slice(-4)}${salt.slice(0, 3)}`,
    companyName: i % 3 === 0 ? null : `Company ${i % 997}`,
    source: SOURCES[i % SOURCES.length] as string,
    score: i % 101,
    estimatedValueCents: i % 4 === 0 ? null : (i % 5000) * 100,
    tags: i % 5 === 0 ? ['vip'] : i % 5 === 1 ? ['import', 'bench'] : [],
  }));
type BenchLead = ReturnType<typeof leadsOf>[number];

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvOf = (rows: BenchLead[]) =>
  [
    'First name,Last name,Email,Phone,Company,Source,Score,Estimated value,Tags',
    ...rows.map((r) =>
      [
        r.firstName,
        r.lastName,
        r.email,
        r.phone,
        r.companyName ?? '',
        r.source,
        String(r.score),
        r.estimatedValueCents === null ? '' : (r.estimatedValueCents / 100).toFixed(2),
        r.tags.join(';'),
      ]
        .map(csvCell)
        .join(','),
    ),
  ].join('\n');

const pgArray = (tags: string[]) => `{${tags.map((t) => `"${t}"`).join(',')}}`;

/** `COPY leads (…) FROM STDIN` of the same rows, as a plain client would load them. */
const copyLeads = async (connectionString: string, tenantId: string, userId: string, rows: BenchLead[]) => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('begin');
    await copyRows(
      client,
      `copy leads (id, tenant_id, created_by, owner_id, first_name, last_name, email, phone, company_name,
                   source, score, estimated_value_cents, currency, tags) from stdin`,
      rows.map((r) =>
        copyText([
          newId(),
          tenantId,
          userId,
          userId,
          r.firstName,
          r.lastName,
          r.email,
          r.phone,
          r.companyName,
          r.source,
          r.score,
          r.estimatedValueCents,
          'USD',
          pgArray(r.tags),
        ]),
      ),
    );
    await client.query('commit');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
};

/** One round: two new tenants, the same N rows COPYed into one and imported into the other. */
const runRound = async (
  database: Database,
  setup: { config: ReturnType<typeof loadConfig>; jwtSecret: string; url: string; rows: number },
  jobs: { take(): unknown },
  copyFirst: boolean,
): Promise<ImportRound> => {
  const connectionString = database.connectionString as string;
  const log = pino({ level: 'silent' });
  const deps = identityDeps({ config: setup.config, jwtSecret: setup.jwtSecret, database });
  const importer = await createGeneratedTenant(deps, { name: 'Bench import', agents: 0 });
  const copier = await createGeneratedTenant(deps, { name: 'Bench COPY', agents: 0 });
  const rows = leadsOf(setup.rows, randomBytes(4).toString('hex'));
  const csv = csvOf(rows);
  try {
    // Same starting point for both: no dead rows, fresh statistics (this machine runs without autovacuum).
    await database.db.execute(sql`vacuum analyze leads`);
    const copy = () => copyLeads(connectionString, copier.tenantId, copier.ownerId, rows);
    const copyBefore = copyFirst ? await copy() : undefined;

    const tokenRes = await fetch(`${setup.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: importer.email, password: importer.password }),
    });
    if (!tokenRes.ok) throw new Error(`token failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
    const started = performance.now();
    const res = await fetch(`${setup.url}/api/v1/leads/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': newId() },
      body: form,
    });
    if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    const uploaded = performance.now();
    const payload = jobs.take();
    if (!payload) throw new Error('the upload queued no job');
    await runImport(database, payload as Parameters<typeof runImport>[1], { log, finalAttempt: true });
    const finished = performance.now();
    const [job] = (
      (await database.db.execute(
        sql`select status, created, error_count, failure_message from import_jobs where tenant_id = ${importer.tenantId}`,
      )) as unknown as {
        rows: { status: string; created: number; error_count: number; failure_message: string | null }[];
      }
    ).rows;
    if (job?.status !== 'completed' || job.created !== setup.rows)
      throw new Error(`import did not complete: ${JSON.stringify(job)}`);
    const copySeconds = copyBefore ?? (await copy());
    return {
      uploadSeconds: (uploaded - started) / 1000,
      jobSeconds: (finished - uploaded) / 1000,
      importSeconds: (finished - started) / 1000,
      copySeconds,
    };
  } finally {
    for (const t of [importer, copier]) {
      await database.db.execute(sql`delete from tenants where id = ${t.tenantId}`);
      await database.db.execute(sql`delete from users where id in ${t.memberIds}`);
    }
  }
};

/**
 * `rounds` rounds (COPY first, then the import first, alternating: whichever runs second meets a slightly
 * bigger table); medians of each side and their ratio.
 */
export const importThroughput = async (
  database: Database,
  options: { rows: number; rounds: number; onRound?: (r: ImportRound) => void },
): Promise<ImportCase> => {
  if (!database.connectionString) throw new Error('the import bench needs PostgreSQL');
  const jwtSecret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...environmentVariables(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: jwtSecret,
    RATE_LIMIT_MAX: '1000000000',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
  });
  let queued: unknown;
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log: pino({ level: 'silent' }),
    jobsState: () => 'disabled',
    sendJob: async (_name, p) => {
      queued = p;
      return null;
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const jobs = {
    take: () => {
      const p = queued;
      queued = undefined;
      return p;
    },
  };
  try {
    const rounds: ImportRound[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const round = await runRound(
        database,
        { config, jwtSecret, url, rows: options.rows },
        jobs,
        i % 2 === 0,
      );
      options.onRound?.(round);
      rounds.push(round);
    }
    const importSeconds = median(rounds.map((r) => r.importSeconds));
    const copySeconds = median(rounds.map((r) => r.copySeconds));
    return {
      rows: options.rows,
      rounds,
      importSeconds,
      copySeconds,
      rowsPerSecond: options.rows / importSeconds,
      // Per round: the two sides of a round ran under the same load (this box is shared).
      ratio: median(rounds.map((r) => r.importSeconds / r.copySeconds)),
    };
  } finally {
    await app.close();
  }
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const roundLine = (rows: number, r: ImportRound) =>
  `  ${fmt(rows)} rows: import ${r.importSeconds.toFixed(2)} s (upload ${r.uploadSeconds.toFixed(2)} s + job ` +
  `${r.jobSeconds.toFixed(2)} s), COPY ${r.copySeconds.toFixed(2)} s: ${(r.importSeconds / r.copySeconds).toFixed(2)}×`;

export const importLines = (c: ImportCase) => [
  `lead import, ${fmt(c.rows)} rows (median of ${c.rounds.length}): app ${c.importSeconds.toFixed(2)} s ` +
    `(${fmt(c.rowsPerSecond)} rows/s) vs COPY into the indexed table ${c.copySeconds.toFixed(2)} s: ` +
    `median ratio per round ${c.ratio.toFixed(2)}× (goal ≤ 1.5×)`,
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' } },
  });
  const environment = environmentVariables();
  if (!environment.DATABASE_URL) {
    console.error('DATABASE_URL=postgres://… node bench/import-throughput.ts [--rows 20000] [--rounds 3]');
    process.exit(1);
  }
  const log = pino({ level: 'silent' });
  const config = loadConfig({ ...environment, LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const database = await openConfiguredDatabase(config, log);
  try {
    await migrate(database, log);
    const rows = Number(values.rows);
    const result = await importThroughput(database, {
      rows,
      rounds: Number(values.rounds),
      onRound: (r) => console.log(roundLine(rows, r)),
    });
    console.log(importLines(result).join('\n'));
  } finally {
    await database.close();
  }
}
