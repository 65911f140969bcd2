import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { scopePrelude } from '../src/platform/db/index.ts';
import type { CapturedQuery } from './sql-capture.ts';

/** pg's own conversion of a JS parameter to the text it sends (arrays, dates, buffers, JSON objects). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => string | Buffer | null;
};

const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

/**
 * A value that differs per transaction: every occurrence of `value` in the statements (as a whole parameter
 * or inside one, e.g. the lead id inside the stored idempotent answer) becomes `prefix` + a 12-digit pgbench
 * random number. For a UUID, `prefix` is its first 24 characters, so the ids stay UUIDs (decimal digits are
 * hex digits) with the captured UUIDv7's time prefix, i.e. they land where the app's new ids land in the index.
 */
export interface PgbenchRandom {
  value: string;
  prefix: string;
}

/** The statements inlined as one pgbench transaction: literals for parameters, as pg sends them (untyped text). */
export const pgbenchScript = (
  statements: readonly CapturedQuery[],
  scope: { tenantId: string; userId: string },
  randoms: readonly PgbenchRandom[],
): string => {
  const variable = (i: number) => `tessera_random_${i}`;
  const randomize = (text: string) =>
    randoms.reduce((t, r, i) => t.replaceAll(r.value, `${r.prefix}:${variable(i)}`), text);
  const literal = (value: unknown) => {
    const prepared = prepareValue(value);
    if (prepared === null) return 'null';
    if (Buffer.isBuffer(prepared)) return `'\\x${prepared.toString('hex')}'`;
    return pg.escapeLiteral(randomize(prepared)).trim();
  };
  const inline = (s: CapturedQuery) =>
    s.text.replace(/\$(\d+)/g, (_, n: string) => literal(s.params[Number(n) - 1]));
  return [
    ...randoms.map((_, i) => `\\set ${variable(i)} random(100000000000, 999999999999)`),
    // BEGIN and the scope in one round trip (`\\;` sends them together), as the app's tenant transaction does.
    `begin \\; ${scopePrelude(scope)};`,
    ...statements.map((s) => `${inline(s).replace(/\s*\n\s*/g, ' ')};`),
    'commit;',
    '',
  ].join('\n');
};

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
  failed: number;
}

/** `pgbench -n -f script -c C -j 2 -T seconds` against the database of `connectionString`. */
export const runPgbench = (
  connectionString: string,
  scriptFile: string,
  script: string,
  options: { connections: number; seconds: number },
): Promise<PgbenchResult> => {
  writeFileSync(scriptFile, script);
  const url = new URL(connectionString);
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username) || 'postgres',
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
  };
  const args = ['-n', '-f', scriptFile, '-c', String(options.connections), '-j', '2'];
  args.push('-T', String(options.seconds));
  return new Promise((resolve, reject) => {
    const child = spawn(PGBENCH, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const number = (re: RegExp) => Number(re.exec(out)?.[1] ?? Number.NaN);
      const tps = number(/tps = ([\d.]+)/);
      if (code !== 0 || !(tps > 0)) {
        reject(new Error(`pgbench failed (exit ${code}):\n${out.slice(-2000)}`));
        return;
      }
      resolve({
        tps,
        latencyMs: number(/latency average = ([\d.]+) ms/),
        transactions: number(/number of transactions actually processed: (\d+)/),
        failed: number(/number of failed transactions: (\d+)/) || 0,
      });
    });
  });
};
