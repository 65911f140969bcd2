import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import { migrate } from '../src/platform/db/index.ts';

// node bench/socket-fanout.ts [--clients 1000] [--messages 50] [--processes 4]  (DATABASE_URL: PostgreSQL, else embedded PGlite)
// N real socket.io clients (websocket, one Bearer session, in a forked process) in one tenant room of the real app; the app's hub
// publishes a `record.changed` (filtered per socket by permission + record scope, as for a real event);
// delivery = client receive time − publish time (wall clock of one machine). Method: docs/performance.md.

export interface FanoutResult {
  clients: number;
  messages: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export const socketFanout = async (
  clients: number,
  messages: number,
  processes = 4,
): Promise<FanoutResult> => {
  const environment = environmentVariables();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-fanout-'));
  const config = loadConfig({
    ...environment,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JWT_SECRET: environment.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    RATE_LIMIT_MAX: '1000000000',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
  });
  const log = pino({ level: 'silent' });
  const database = await openConfiguredDatabase(config, log);
  await migrate(database, log);
  const app = await buildApp({
    config,
    jwtSecret: config.JWT_SECRET as string,
    database,
    log,
    jobsState: () => 'disabled',
  });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  const email = `fanout-${randomBytes(4).toString('hex')}@bench.test`;
  const password = randomBytes(12).toString('base64url');
  const signup = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { tenantName: 'Fan-out', name: 'Bench', email, password },
  });
  const tenantId = signup.json().data.tenant.id as string;
  const token = (
    await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } })
  ).json().data.accessToken as string;

  // The clients live in other processes (see socket-clients.ts), as browsers would: `processes` children share
  // them; sentAt and receive times are wall-clock ms of this machine.
  const script = fileURLToPath(new URL('./socket-clients.ts', import.meta.url));
  const children = Array.from({ length: Math.max(1, Math.min(processes, clients)) }, () =>
    fork(script, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const fromAll = () =>
    Promise.all(children.map((child) => new Promise<unknown>((resolve) => child.once('message', resolve))));
  const ready = fromAll();
  children.forEach((child, i) => {
    child.send({
      url,
      token,
      clients: Math.floor(clients / children.length) + (i < clients % children.length ? 1 : 0),
    });
  });
  await ready;
  for (let m = 0; m < messages; m++) {
    const got = fromAll();
    app.realtime.publish({
      tenantId,
      event: 'record.changed',
      data: {
        entity: 'lead',
        id: `bench-${m}`,
        version: 1,
        sentAt: performance.timeOrigin + performance.now(),
      },
      visibility: { view: 'leads.view', scope: { resource: 'leads', ownerId: null, ownerTeamMates: [] } },
    });
    await got;
  }
  const reported = fromAll();
  for (const child of children) child.send('done');
  const latencies = ((await reported) as { latencies: number[] }[]).flatMap((r) => r.latencies);
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    clients,
    messages,
    deliveries: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
};

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1000' },
      messages: { type: 'string', default: '50' },
      processes: { type: 'string', default: '4' },
    },
  });
  const r = await socketFanout(Number(values.clients), Number(values.messages), Number(values.processes));
  console.log(
    `socket fan-out: ${r.clients} clients in one tenant room, ${r.messages} messages, ${r.deliveries} deliveries: ` +
      `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`,
  );
  process.exit(0);
}
