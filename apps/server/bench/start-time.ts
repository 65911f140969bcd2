// Times `npm start` on the embedded database: a first start (empty DATA_DIR: PGlite initdb, migrations,
// demo seed) and a second start (same DATA_DIR), each until GET /api/health answers 200, with the
// time of every start-up log line. Usage: node bench/start-time.ts [--runs 2]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const healthy = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
  } catch {
    return false;
  }
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  });

const startOnce = async (dataDir: string) => {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: { ms: number; msg: string }[] = [];
  const record = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      let msg = line;
      try {
        const entry = JSON.parse(line) as { msg?: string; migration?: string; sinceStartMs?: number };
        const node = entry.sinceStartMs === undefined ? '' : `(node: ${entry.sinceStartMs} ms)`;
        msg = [entry.msg, entry.migration, node].filter(Boolean).join(' ');
      } catch {}
      lines.push({ ms: Math.round(performance.now() - t0), msg: msg.slice(0, 100) });
    }
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`server exited: ${lines.map((l) => l.msg).join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = Math.round(performance.now() - t0);
  await stop(child);
  return { ms, lines };
};

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-start-'));
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const { ms, lines } = await startOnce(dataDir);
    console.log(`\nstart ${run}${run === 1 ? ' (empty DATA_DIR)' : ''}: healthy after ${ms} ms`);
    for (const l of lines) console.log(`  ${String(l.ms).padStart(6)} ms  ${l.msg}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
