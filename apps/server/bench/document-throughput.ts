import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { S3_TEST_KEYS, startS3Server } from '../test/helpers/s3-server.ts';

// DATABASE_URL=postgres://… node bench/document-throughput.ts [--mb 10] [--runs 5]
// Uploads a file of --mb MB (random bytes: nothing to compress) --runs times to a company over real HTTP
// (multipart, Bearer token), then downloads each version through its signed link, on the local driver and
// on the S3 driver against s3rver on loopback. MB/s = bytes ÷ wall time of the whole request as the client
// sees it; RSS = the process's resident memory growth (client and server share the process, so streaming
// shows as growth well below runs × size). Method: docs/performance.md.

export interface DocumentCase {
  driver: 'local' | 's3';
  mb: number;
  runs: number;
  uploadMbPerSecond: number;
  downloadMbPerSecond: number;
  rssGrowthMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

const runDriver = async (
  database: Database,
  driver: 'local' | 's3',
  { mb, runs }: { mb: number; runs: number },
): Promise<DocumentCase> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-bench-docs-'));
  const s3 = driver === 's3' ? await startS3Server('bench-docs') : undefined;
  const jwtSecret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...environmentVariables(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: jwtSecret,
    RATE_LIMIT_MAX: '1000000000',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    DATA_DIR: dataDir,
    DOCUMENTS_MAX_BYTES: String((mb + 1) * 1024 * 1024),
    STORAGE_DRIVER: driver,
    ...(s3
      ? {
          S3_ENDPOINT: s3.endpoint,
          S3_BUCKET: 'bench-docs',
          S3_FORCE_PATH_STYLE: 'true',
          S3_ACCESS_KEY_ID: S3_TEST_KEYS.accessKeyId,
          S3_SECRET_ACCESS_KEY: S3_TEST_KEYS.secretAccessKey,
        }
      : {}),
  });
  const log = pino({ level: 'silent' });
  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
  try {
    const tenant = await createGeneratedTenant(identityDeps({ config, jwtSecret, database }), { agents: 0 });
    const tokenRes = await fetch(`${url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const companyRes = await fetch(`${url}/companies`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench files' }),
    });
    const company = ((await companyRes.json()) as { data: { id: string } }).data;
    const bytes = randomBytes(mb * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const ups: number[] = [];
    const downs: number[] = [];
    const uploaded: { id: string; current: { id: string } }[] = [];
    for (let i = 0; i < runs; i++) {
      const form = new FormData();
      form.append('file', new Blob([bytes]), `bench-${i}.bin`);
      const started = performance.now();
      const res = await fetch(`${url}/records/company/${company.id}/documents`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      if (res.status !== 201) throw new Error(`upload ${res.status}: ${await res.text()}`);
      ups.push(performance.now() - started);
      uploaded.push(((await res.json()) as { data: { id: string; current: { id: string } } }).data);
    }
    for (const doc of uploaded) {
      const linkRes = await fetch(`${url}/documents/${doc.id}/versions/${doc.current.id}/link`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      });
      const link = ((await linkRes.json()) as { data: { url: string } }).data.url;
      const started = performance.now();
      const res = await fetch(`http://${new URL(url).host}${link}`);
      let size = 0;
      for await (const chunk of res.body ?? []) size += (chunk as Uint8Array).length;
      if (size !== bytes.length) throw new Error(`download returned ${size} bytes`);
      downs.push(performance.now() - started);
    }
    return {
      driver,
      mb,
      runs,
      uploadMbPerSecond: round(mb / (median(ups) / 1000)),
      downloadMbPerSecond: round(mb / (median(downs) / 1000)),
      rssGrowthMb: round((process.memoryUsage().rss - rssBefore) / 1024 / 1024),
    };
  } finally {
    await app.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

/** Both drivers, one after the other. */
export const documentThroughput = async (database: Database, options: { mb: number; runs: number }) => [
  await runDriver(database, 'local', options),
  await runDriver(database, 's3', options),
];

export const documentLines = (results: DocumentCase[]) =>
  results.map(
    (r) =>
      `documents (${r.driver}): ${r.mb} MB file × ${r.runs}: upload ${r.uploadMbPerSecond} MB/s, ` +
      `download (signed link) ${r.downloadMbPerSecond} MB/s (medians); RSS growth ${r.rssGrowthMb} MB`,
  );

if (import.meta.main) {
  const { values } = parseArgs({
    options: { mb: { type: 'string', default: '10' }, runs: { type: 'string', default: '5' } },
  });
  const config = loadConfig({ ...environmentVariables(), LOG_LEVEL: 'silent' });
  if (!config.DATABASE_URL) {
    console.error('document-throughput measures PostgreSQL: set DATABASE_URL (a dedicated database).');
    process.exit(1);
  }
  const log = pino({ level: 'silent' });
  const database = await openConfiguredDatabase(config, log);
  try {
    await migrate(database, log);
    const options = { mb: Number(values.mb), runs: Number(values.runs) };
    for (const line of documentLines(await documentThroughput(database, options))) console.log(line);
  } finally {
    await database.close();
  }
}
