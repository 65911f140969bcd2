// Times `npm start` on the embedded database: a first start (empty DATA_DIR: PGlite initdb, migrations,
// demo seed) and second starts (same DATA_DIR), each until GET /api/health answers 200, with the time of
// every start-up log line and the CPU time the start took until then (npm and every process under it).
// Usage: node bench/start-time.ts [--runs 2] [--compare <another checkout>]
// --compare: after the first start, alternates second starts of the other checkout (e.g. main, with its own
// node_modules or a link to these) and of this one on the same DATA_DIR, --runs of each, then a summary.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2' }, compare: { type: 'string' } },
});

/** The processes of a process group (Linux /proc): pid and CPU seconds, their reaped children's included. */
const groupProcesses = (pgid: number) => {
  const found: { pid: number; cpuSeconds: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After "pid (comm) ": state, ppid, pgrp, … utime (14), stime, cutime, cstime (17) → indexes 11–14 here.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    found.push({ pid: Number(entry), cpuSeconds: ticks / 100 });
  }
  return found;
};

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

/** SIGTERM to npm and everything under it; resolves once no process of the group is left (the server holds
 * the data directory's lock until it has exited, and the next start needs it). */
const stop = async (child: ChildProcess) => {
  const pgid = child.pid;
  if (!pgid) return;
  process.kill(-pgid, 'SIGTERM');
  while (groupProcesses(pgid).length > 0) await new Promise((r) => setTimeout(r, 50));
};

const startOnce = async (dataDir: string, cwd = root) => {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd,
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
  // CPU until healthy: npm, its shell and node processes (the web build check's too, where it is one).
  const cpuSeconds = groupProcesses(child.pid ?? -1).reduce((sum, p) => sum + p.cpuSeconds, 0);
  await stop(child);
  return { ms, lines, cpuSeconds };
};

const print = (title: string, r: Awaited<ReturnType<typeof startOnce>>) => {
  console.log(`\n${title}: healthy after ${r.ms} ms (CPU until then: ${r.cpuSeconds.toFixed(2)} s)`);
  for (const l of r.lines) console.log(`  ${String(l.ms).padStart(6)} ms  ${l.msg}`);
};

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-start-'));
try {
  if (values.compare) {
    const other = values.compare;
    print('first start (empty DATA_DIR, this checkout)', await startOnce(dataDir));
    const results: { who: string; ms: number; cpuSeconds: number }[] = [];
    for (let run = 1; run <= Number(values.runs); run++) {
      for (const [who, cwd] of [
        [other, other],
        ['this checkout', root],
      ] as const) {
        const r = await startOnce(dataDir, cwd);
        print(`second start, ${who}, run ${run}`, r);
        results.push({ who, ms: r.ms, cpuSeconds: r.cpuSeconds });
      }
    }
    console.log('\nsecond starts (alternating):');
    for (const r of results)
      console.log(`  ${r.who.padEnd(30)} healthy after ${r.ms} ms, CPU ${r.cpuSeconds.toFixed(2)} s`);
  } else {
    for (let run = 1; run <= Number(values.runs); run++)
      print(`start ${run}${run === 1 ? ' (empty DATA_DIR)' : ''}`, await startOnce(dataDir));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
