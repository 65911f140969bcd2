import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { boardSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { safeEncode } from 'zod';
import { buildApp, identityDeps } from '../src/app.ts';
import { loadBoard } from '../src/modules/field/board/board.service.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { withTenant } from '../src/platform/db/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { benchAppConfig, runStandalone } from './bench-app.ts';

// DATABASE_URL=postgres://… node bench/dispatch-board.ts [--crews 50] [--jobs 400,4000] [--runs 50]
// A generated tenant with `crews` crews (three members each) and, per case, `jobs` jobs in one week
// (Monday–Sunday; 90 % on crews without overlaps, 10 % unassigned in the queue; priorities and skills mixed),
// then GET /api/v1/dispatch/board for that week over real HTTP (Bearer token, the app on a loopback port):
// `runs` requests one after the other (p50 / p99 of the wall time the client sees), then 10 concurrent
// clients for 5 s (requests/s). Size = the JSON body; gzip = the same body gzipped (level 6, what a reverse
// proxy sends — the app itself does not compress). Method and figures: docs/performance.md.

export interface BoardCase {
  crews: number;
  jobs: number;
  /** Jobs on the board (crewed) and in the queue. */
  onBoard: number;
  queued: number;
  p50Ms: number;
  p99Ms: number;
  concurrentPerSecond: number;
  /** Where a request's time goes (p50 of `runs`): the service (3 queries + mapping), the response's Zod encode, JSON.stringify. */
  serviceP50Ms: number;
  encodeP50Ms: number;
  stringifyP50Ms: number;
  bytes: number;
  gzipBytes: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;
/** p50 of `runs` calls, in ms. */
const timed = async (runs: number, fn: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return round(
    percentile(
      times.sort((a, b) => a - b),
      50,
    ),
  );
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'];
const SKILLS = ['electrical', 'plumbing', 'hvac', 'roofing', 'solar'];
const STREETS = ['Harbour Road', 'Mill Lane', 'Station Street', 'Park Avenue', 'Church Row', 'High Street'];

/** Next Monday 00:00 UTC: the generated week. */
const nextMonday = () => {
  const now = new Date();
  const d = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = new Date(d).getUTCDay();
  return d + (((8 - weekday) % 7) + 7) * DAY;
};

/** Crews (3 members each) and `jobs` jobs in the week from `monday`; returns the crew ids. */
const generate = async (
  database: Database,
  tenantId: string,
  memberIds: string[],
  crews: number,
  jobs: number,
  monday: number,
) =>
  withTenant(database, tenantId, async (tx) => {
    const crewIds: string[] = [];
    for (let c = 0; c < crews; c++) {
      const r = (await tx.execute(sql`insert into crews (id, tenant_id, name, lead_id, skills, vehicle)
        values (gen_random_uuid(), ${tenantId}, ${`Crew ${String(c + 1).padStart(2, '0')}`},
          ${memberIds[(c * 3) % memberIds.length]},
          string_to_array(${`${SKILLS[c % SKILLS.length]},${SKILLS[(c + 2) % SKILLS.length]}`}, ','),
          ${`Van ${c + 1}`})
        returning id`)) as unknown as { rows: { id: string }[] };
      const crewId = r.rows[0]?.id as string;
      crewIds.push(crewId);
      const members = [...new Set([0, 1, 2].map((k) => memberIds[(c * 3 + k) % memberIds.length] as string))];
      for (const userId of members)
        await tx.execute(
          sql`insert into crew_members (tenant_id, crew_id, user_id) values (${tenantId}, ${crewId}, ${userId})`,
        );
    }
    const crewed = Math.round(jobs * 0.9);
    const perCrew = Math.ceil(crewed / crews);
    // Per crew and day from 06:00: slots as long as fit (at most 2 h), never overlapping.
    const perDay = Math.ceil(perCrew / 7);
    const slot = Math.min(2 * HOUR, Math.floor((14 * HOUR) / perDay / 60_000) * 60_000);
    const rows = Array.from({ length: jobs }, (_, i) => {
      const queued = i >= crewed;
      const c = i % crews;
      const k = Math.floor(i / crews);
      const start = monday + (k % 7) * DAY + 6 * HOUR + Math.floor(k / 7) * slot;
      return {
        title: `${['Install', 'Repair', 'Inspect', 'Service'][i % 4]} #${i + 1}`,
        priority: PRIORITIES[i % PRIORITIES.length] as string,
        status: queued ? 'scheduled' : 'dispatched',
        crewId: queued ? null : (crewIds[c] as string),
        start: new Date(queued ? monday + (i % 7) * DAY + 9 * HOUR : start).toISOString(),
        end: new Date((queued ? monday + (i % 7) * DAY + 9 * HOUR : start) + slot - 5 * 60_000).toISOString(),
        address: `${(i % 180) + 1} ${STREETS[i % STREETS.length]}, ${['North', 'South', 'East'][i % 3]} District`,
        customer: `Customer ${i + 1}`,
        skills: i % 3 === 0 ? [SKILLS[i % SKILLS.length] as string] : [],
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await tx.execute(sql`insert into jobs (id, tenant_id, title, priority, status, crew_id, scheduled_start,
          scheduled_end, estimated_minutes, site_address, customer_name, customer_phone, required_skills,
          checklist)
        select gen_random_uuid(), ${tenantId}, j.title, j.priority, j.status, j.crew_id, j.start, j.end, 60,
          j.address, j.customer, '+1 555 0100', j.skills, '[{"label":"Photos","done":false}]'::jsonb
        from jsonb_to_recordset(${JSON.stringify(chunk.map((r) => ({ ...r, crew_id: r.crewId })))}::jsonb)
          as j(title text, priority text, status text, crew_id uuid, start timestamptz, "end" timestamptz,
               address text, customer text, skills text[])`);
    }
    return { crewIds, crewed };
  });

/** One case: a fresh tenant with `crews` crews and `jobs` jobs, the board timed over HTTP, then removed. */
const runCase = async (
  database: Database,
  url: string,
  identity: Parameters<typeof createGeneratedTenant>[0],
  { crews, jobs, runs }: { crews: number; jobs: number; runs: number },
): Promise<BoardCase> => {
  const tenant = await createGeneratedTenant(identity, {
    name: 'Dispatch board bench',
    agents: Math.min(crews * 3, 60),
  });
  try {
    const monday = nextMonday();
    const members = tenant.memberIds.slice(2); // the generated agents (not the owner nor the manager)
    await generate(database, tenant.tenantId, members, crews, jobs, monday);
    const tokenRes = await fetch(`${url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const board = `${url}/dispatch/board?from=${new Date(monday).toISOString()}&to=${new Date(
      monday + 7 * DAY,
    ).toISOString()}`;
    const get = async () => {
      const res = await fetch(board, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`board ${res.status}: ${body.slice(0, 200)}`);
      return body;
    };
    const body = await get(); // warm-up, and the body measured
    const data = (JSON.parse(body) as { data: { jobs: unknown[]; unassigned: unknown[] } }).data;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await get();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // The parts of one request, in this process: the service, the response schema's encode, the JSON text.
    const ctx = jobContext({
      database,
      log: pino({ level: 'silent' }),
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      permissions: ['jobs.view', 'crews.view'],
      scopes: { jobs: 'all' },
    });
    const query = { from: new Date(monday).toISOString(), to: new Date(monday + 7 * DAY).toISOString() };
    const loaded = await loadBoard(ctx, query);
    const service = await timed(runs, () => loadBoard(ctx, query));
    const encode = await timed(runs, () => safeEncode(boardSchema, loaded));
    const stringify = await timed(runs, () => JSON.stringify(loaded));
    let done = 0;
    const deadline = performance.now() + 5000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (performance.now() < deadline) {
          await get();
          done++;
        }
      }),
    );
    return {
      crews,
      jobs,
      onBoard: data.jobs.length,
      queued: data.unassigned.length,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      concurrentPerSecond: round(done / ((performance.now() - began) / 1000)),
      serviceP50Ms: service,
      encodeP50Ms: encode,
      stringifyP50Ms: stringify,
      bytes: Buffer.byteLength(body),
      gzipBytes: gzipSync(body, { level: 6 }).length,
    };
  } finally {
    await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
  }
};

/** The board cases on the real app over loopback HTTP (PostgreSQL). */
export const dispatchBoardBench = async (
  database: Database,
  options: { crews: number; jobs: number[]; runs: number },
): Promise<BoardCase[]> => {
  const { config, jwtSecret } = benchAppConfig();
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log: pino({ level: 'silent' }),
    jobsState: () => 'disabled',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
  try {
    const results: BoardCase[] = [];
    for (const jobs of options.jobs)
      results.push(
        await runCase(database, url, identityDeps({ config, jwtSecret, database }), { ...options, jobs }),
      );
    return results;
  } finally {
    await app.close();
  }
};

const kb = (n: number) => `${round(n / 1024)} KB`;
export const dispatchBoardLines = (cases: BoardCase[], runs: number) => [
  `dispatch board: GET /dispatch/board for one week over HTTP, ${runs} sequential requests, then 10 clients for 5 s`,
  ...cases.map(
    (c) =>
      `  ${c.crews} crews × ${c.jobs} jobs (${c.onBoard} on crews, ${c.queued} queued): p50 ${c.p50Ms} ms, ` +
      `p99 ${c.p99Ms} ms, ${c.concurrentPerSecond} req/s with 10 clients; body ${kb(c.bytes)}, gzip ${kb(c.gzipBytes)}; ` +
      `p50 of the parts: service ${c.serviceP50Ms} ms, response encode ${c.encodeP50Ms} ms, JSON.stringify ${c.stringifyP50Ms} ms`,
  ),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      crews: { type: 'string', default: '50' },
      jobs: { type: 'string', default: '400,4000' },
      runs: { type: 'string', default: '50' },
    },
  });
  await runStandalone('dispatch-board.ts', async (database) => {
    const runs = Number(values.runs);
    const cases = await dispatchBoardBench(database, {
      crews: Number(values.crews),
      jobs: values.jobs.split(',').map(Number),
      runs,
    });
    console.log(dispatchBoardLines(cases, runs).join('\n'));
  });
}
