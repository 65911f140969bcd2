// Memory under a long mixed load (issue #9, item 6): starts the server exactly as `npm start` does (its own
// process, the node flags of apps/server's start script) on DATABASE_URL with the demo company, drives a mixed load at a fixed
// rate — lists, searches, record pages, creates with Idempotency-Key, the dashboard's KPIs — and samples the
// server's VmRSS from /proc every few seconds. Prints RSS per minute, the peak, and the drift between the first
// and the last minutes (a leak shows as steady growth).
//
// Usage: DATABASE_URL=postgres://… node bench/soak.ts [--minutes 10] [--rate 60] [--connections 4]
// Use an empty database of its own: the server migrates it and seeds the demo company.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '60' },
    connections: { type: 'string', default: '4' },
    sample: { type: 'string', default: '5' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('bench/soak.ts needs DATABASE_URL (an empty PostgreSQL database of its own).');
  process.exit(2);
}
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const DEMO = { email: 'owner@demo.tessera.test', password: 'tessera-demo-2026' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
};

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const nodeArgs = (process.env.SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean);
// The node flags of apps/server's `start` script (`node <flags> src/main.ts`): the server runs as it does in use.
const startScript: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  .scripts.start;
const startFlags = startScript.split(/\s+/).filter((arg) => arg.startsWith('--'));
const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...startFlags, 'src/main.ts'], {
  cwd: serverDir,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    // The load sets its own limit (the default 1,000 requests per minute per address stays for users).
    RATE_LIMIT_MAX: '1000000',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stopServer = () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
process.on('SIGINT', () => void stopServer().then(() => process.exit(130)));

const waitHealthy = async () => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
};

try {
  await waitHealthy();
  const tokenRes = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  if (!tokenRes.ok) throw new Error(`token: ${tokenRes.status} ${await tokenRes.text()}`);
  const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const leadIds = (
    (await (await fetch(`${base}/api/v1/leads?limit=100`, { headers })).json()) as { data: { id: string }[] }
  ).data.map((l) => l.id);
  if (leadIds.length === 0) throw new Error('the demo company has no leads');

  const pid = child.pid as number;
  const idleRss = rssMb(pid);
  const run = randomUUID().slice(0, 8);
  // The mix: what a team working in the CRM sends (reads dominate; one write in eight).
  const gets = [
    '/api/v1/leads?limit=50',
    '/api/v1/leads?limit=50&q=an',
    '/api/v1/leads?limit=50&sort=-createdAt&status=new',
    '/api/v1/companies?limit=50',
    '/api/v1/contacts?limit=50',
    '/api/v1/deals?limit=50',
    '/api/v1/search?q=mo',
  ];
  let n = 0;
  const minutes = Number(values.minutes);
  const samples: { s: number; rss: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(
    () => samples.push({ s: (performance.now() - started) / 1000, rss: rssMb(pid) }),
    Number(values.sample) * 1000,
  );
  console.log(`soak: ${minutes} min at ${values.rate} req/s, idle RSS after start ${idleRss} MB`);
  const result = await new Promise<Result>((resolve, reject) =>
    autocannon(
      {
        url: base,
        headers,
        duration: minutes * 60,
        connections: Number(values.connections),
        overallRate: Number(values.rate),
        requests: [
          {
            setupRequest: (req) => {
              n += 1;
              if (n % 8 === 0) {
                return {
                  ...req,
                  method: 'POST',
                  path: '/api/v1/leads',
                  headers: { ...req.headers, 'idempotency-key': `soak-${run}-${n}` },
                  body: JSON.stringify({
                    firstName: 'Soak',
                    lastName: `Lead ${n}`,
                    email: `soak.${run}.${n}@example.test`,
                  }),
                };
              }
              const path =
                n % 8 === 1 ? `/api/v1/leads/${leadIds[n % leadIds.length]}` : gets[n % gets.length];
              return { ...req, method: 'GET', path, body: undefined };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  clearInterval(sampler);

  const perMinute = new Map<number, number[]>();
  for (const s of samples) {
    const m = Math.floor(s.s / 60);
    perMinute.set(m, [...(perMinute.get(m) ?? []), s.rss]);
  }
  console.log('\n| minute | RSS min | RSS max |\n| --- | --- | --- |');
  for (const [m, list] of perMinute)
    console.log(`| ${m + 1} | ${Math.min(...list)} MB | ${Math.max(...list)} MB |`);
  const avg = (list: number[] = []) => Math.round(list.reduce((a, b) => a + b, 0) / Math.max(1, list.length));
  const minuteKeys = [...perMinute.keys()];
  const first = avg(perMinute.get(minuteKeys[1] ?? 0));
  const last = avg(perMinute.get(minuteKeys.at(-1) ?? 0));
  const peak = Math.max(...samples.map((s) => s.rss));
  const statuses = Object.entries(result.statusCodeStats).map(([k, v]) => `${k}: ${v.count}`);
  console.log(
    `\nrequests ${result.requests.total} (${Math.round(result.requests.average)}/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, statuses {${statuses.join(', ')}}`,
  );
  console.log(
    `RSS: idle ${idleRss} MB, peak ${peak} MB, minute 2 average ${first} MB, last minute ${last} MB`,
  );
} finally {
  await stopServer();
}
