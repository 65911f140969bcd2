import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { migrate } from '../src/platform/db/index.ts';
import { createGeneratedTenant, generateData } from '../src/seed/generate.ts';
import { benchAppConfig } from './bench-app.ts';
import type { LoadResult, LoadSpec } from './load-worker.ts';

// DATABASE_URL=postgres://… node bench/profile-request.ts [--leads 20000] [--path /api/v1/leads] [--connections 10]
//   [--duration 10] [--out /tmp/request.cpuprofile]
// A CPU profile of the app alone serving one request under load (autocannon in a child process), for finding
// where a request's time goes in the Node process (issue #9). Prints the heaviest functions, self and
// inclusive, and writes the .cpuprofile for Chrome DevTools. The tenant is generated and left in the database.

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '20000' },
    path: { type: 'string', default: '/api/v1/leads' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    out: { type: 'string', default: '/tmp/request.cpuprofile' },
    method: { type: 'string', default: 'GET' },
    body: { type: 'string' },
  },
});

const load = (spec: LoadSpec): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.ts', import.meta.url), [JSON.stringify(spec)], {
      stdio: 'inherit',
    });
    child.once('message', (m: LoadResult | { error: string }) =>
      'error' in m ? reject(new Error(m.error)) : resolve(m),
    );
    child.once('error', reject);
  });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and inclusive time per function (a function counted once per sample however deep it recurses). */
const summarise = (p: Profile, top = 40) => {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*apps\/server\//, '')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = name(n);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const lines = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `self:\n${lines(self)}\n\ninclusive:\n${lines(inclusive)}`;
};

const { config, jwtSecret } = benchAppConfig();
const log = pino({ level: 'silent' });
const database = await openConfiguredDatabase(config, log);
await migrate(database, log);
const deps = identityDeps({ config, jwtSecret, database });
const tenant = await createGeneratedTenant(deps, { name: 'Profile', agents: 5 });
await generateData(database, tenant.tenantId, { leads: Number(args.leads) });
const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const tokenRes = await fetch(`${url}/api/v1/auth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: tenant.email, password: tenant.password }),
});
const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
const spec: LoadSpec = {
  url: `${url}${args.path}`,
  method: args.method === 'POST' ? 'POST' : 'GET',
  headers: { authorization: `Bearer ${token}`, ...(args.body ? { 'content-type': 'application/json' } : {}) },
  body: args.body,
  idempotencyKey: args.method === 'POST',
  duration: 2,
  connections: Number(args.connections),
};
await load(spec); // warm-up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const result = await load({ ...spec, duration: Number(args.duration) });
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();
writeFileSync(args.out, JSON.stringify(profile));
console.log(
  `${args.method} ${args.path}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}`,
);
console.log(summarise(profile));
console.log(`\nprofile written to ${args.out}`);
await app.close();
await database.close();
