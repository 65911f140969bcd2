import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { projectBudget } from '../src/modules/work/reports/budget.service.ts';
import { utilisation } from '../src/modules/work/reports/utilisation.service.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import type { Database } from '../src/platform/db/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { benchAppConfig, runStandalone } from './bench-app.ts';
import { captureQueries, withoutFrame } from './sql-capture.ts';
import { DAY, generateWorkData, isoDay } from './work-data.ts';
import { explainAnalyze, round, timed } from './work-measure.ts';

// DATABASE_URL=postgres://… node bench/work.ts [--members 200] [--runs 100] [--seconds 5] [--clients 8]
// A generated tenant with `members` members (the owner, a manager and generated agents), eight projects (six
// time-and-materials, one fixed price, one internal non-billable) and one assignment per member on a billable
// project (75 %) plus everyone on the internal project (25 %). One year of time entries is generated in one
// set-based INSERT (52 weeks before the current Monday, weekdays: 6–8 h on the member's project and 1–2 h on the
// internal one; the database's triggers keep the day totals and create the weeks); every week but the last is
// then approved, the last one submitted. Measured over real HTTP (Bearer token, the app on a loopback port), the
// routes the web uses:
// 1. PUT /timesheets/:userId/:weekStart — the weekly grid's Save: 7 entries (7.5 h Mon–Fri on the project,
//    1 h Mon and Wed internal), rotating over members and the four draft weeks from the current Monday;
//    `runs` saves one after the other (p50 / p99), then `clients` concurrent clients for `seconds` s (saves/s).
// 2. GET /utilisation for a month and for the year, every member and one member; GET /projects/:id/budget for a
//    project with one member in seven and for the internal project everyone books on: `runs` each (p50 / p99).
// EXPLAIN ANALYZE of the utilisation and budget statements that read time_entries (captured from the services).
// Data: work-data.ts; timing and plans: work-measure.ts. Method and figures: docs/performance.md.

export interface Timing {
  name: string;
  p50Ms: number;
  p99Ms: number;
}
export interface WorkBench {
  members: number;
  projects: number;
  entries: number;
  weeks: number;
  from: string;
  to: string;
  generationSeconds: number;
  save: Timing & {
    runs: number;
    entriesPerSave: number;
    sequentialPerSecond: number;
    clients: number;
    seconds: number;
    concurrentPerSecond: number;
  };
  reads: (Timing & { runs: number; rows?: number })[];
  plans: { name: string; executionMs: number; plan: string }[];
  loadAverage: { before: number[]; after: number[] };
}

/** The scenario on a fresh tenant over loopback HTTP (PostgreSQL); the tenant and its users are removed. */
export const workBench = async (
  database: Database,
  options: { members: number; runs: number; seconds: number; clients: number },
): Promise<WorkBench> => {
  const before = loadavg().map(round);
  const { config, jwtSecret } = benchAppConfig();
  const log = pino({ level: 'silent' });
  const started = performance.now();
  const tenant = await createGeneratedTenant(identityDeps({ config, jwtSecret, database }), {
    name: 'Work bench',
    agents: Math.max(0, options.members - 2),
  });
  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  try {
    const now = Date.now();
    const today = now - (now % DAY);
    const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
    const from = isoDay(monday - 52 * 7 * DAY);
    const to = isoDay(monday - DAY);
    const members = tenant.memberIds;
    const data = await generateWorkData(database, tenant.tenantId, tenant.ownerId, members, from, to);
    await database.db.execute(sql`vacuum analyze time_entries, time_entry_days, timesheet_weeks`);
    await database.db.execute(sql`analyze project_assignments, projects`);
    const generationSeconds = round((performance.now() - started) / 1000);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    const tokenRes = await fetch(`${url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const call = async (method: 'GET' | 'PUT', path: string, body?: object) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${method} ${path} ${res.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { data: unknown };
    };

    // 1. Saving a week: 7 entries, a different (member, draft week) each time.
    const draftWeeks = [0, 1, 2, 3].map((k) => isoDay(monday + k * 7 * DAY));
    const save = (i: number) => {
      const m = i % members.length;
      const week = draftWeeks[Math.floor(i / members.length) % draftWeeks.length] as string;
      return call('PUT', `/timesheets/${members[m]}/${week}`, {
        rows: [
          { projectId: data.mainOf(m), hours: [7.5, 7.5, 7.5, 7.5, 7.5, 0, 0] },
          { projectId: data.internal, hours: [1, 0, 1, 0, 0, 0, 0] },
        ],
      });
    };
    const sequential = await timed(options.runs, save);
    let saves = 0;
    let next = options.runs + 1;
    const deadline = performance.now() + options.seconds * 1000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (performance.now() < deadline) {
          await save(next++);
          saves++;
        }
      }),
    );
    const concurrentPerSecond = round(saves / ((performance.now() - began) / 1000));

    // 2. Reads: utilisation (a month, the year; everyone and one member) and budgets.
    const monthEnd = new Date(monday);
    monthEnd.setUTCDate(0); // the last day of the previous month
    const monthTo = isoDay(monthEnd.getTime());
    const monthFrom = `${monthTo.slice(0, 8)}01`;
    const one = members[members.length - 1] as string;
    const readCases: { name: string; path: string }[] = [
      {
        name: `utilisation, month (${monthFrom}…${monthTo}), all members`,
        path: `/utilisation?from=${monthFrom}&to=${monthTo}`,
      },
      {
        name: 'utilisation, month, one member',
        path: `/utilisation?from=${monthFrom}&to=${monthTo}&userId=${one}`,
      },
      { name: `utilisation, year (${from}…${to}), all members`, path: `/utilisation?from=${from}&to=${to}` },
      { name: 'utilisation, year, one member', path: `/utilisation?from=${from}&to=${to}&userId=${one}` },
      { name: 'budget, project WB-1 (1/7 of the members)', path: `/projects/${data.mainOf(0)}/budget` },
      { name: 'budget, internal project WB-8 (every member)', path: `/projects/${data.internal}/budget` },
    ];
    const reads: WorkBench['reads'] = [];
    for (const c of readCases) {
      const sample = await call('GET', c.path);
      const t = await timed(options.runs, () => call('GET', c.path));
      reads.push({
        name: c.name,
        runs: options.runs,
        p50Ms: t.p50Ms,
        p99Ms: t.p99Ms,
        ...(Array.isArray(sample.data) ? { rows: sample.data.length } : {}),
      });
    }

    // Plans of the statements reading time_entries, captured from the services as the routes call them.
    const ctx = jobContext({
      database,
      log,
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      permissions: ['timesheets.view', 'timesheets.manage', 'projects.view', 'fields.money.view'],
      scopes: { projects: 'all' },
    });
    const capture = async (fn: (c: typeof ctx) => Promise<unknown>) =>
      withoutFrame((await captureQueries(database, (db) => fn({ ...ctx, database: db }))).queries).filter(
        (q) => /time_entries/.test(q.text),
      );
    const plans: WorkBench['plans'] = [];
    for (const [name, fn] of [
      ['utilisation, year, all members', (c: typeof ctx) => utilisation(c, { from, to })],
      ['budget, internal project', (c: typeof ctx) => projectBudget(c, data.internal, isoDay(today))],
    ] as const)
      for (const [k, q] of (await capture(fn)).entries())
        plans.push({ name: `${name} #${k + 1}`, ...(await explainAnalyze(database, tenant.tenantId, q)) });

    return {
      members: members.length,
      projects: data.projects.size,
      entries: data.entries,
      weeks: data.weeks,
      from,
      to,
      generationSeconds,
      save: {
        name: 'PUT /timesheets/:userId/:weekStart',
        runs: options.runs,
        entriesPerSave: 7,
        p50Ms: sequential.p50Ms,
        p99Ms: sequential.p99Ms,
        sequentialPerSecond: sequential.perSecond,
        clients: options.clients,
        seconds: options.seconds,
        concurrentPerSecond,
      },
      reads,
      plans,
      loadAverage: { before, after: loadavg().map(round) },
    };
  } finally {
    await app.close();
    await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
    await database.db.execute(sql`delete from users where id in ${tenant.memberIds}`);
  }
};

export const workLines = (r: WorkBench) => [
  `work: ${r.members} members, ${r.projects} projects, ${r.entries.toLocaleString('en-US')} time entries in ` +
    `${r.weeks.toLocaleString('en-US')} weeks (${r.from}…${r.to}), generated in ${r.generationSeconds} s`,
  `  save a week (${r.save.name}, ${r.save.entriesPerSave} entries): p50 ${r.save.p50Ms} ms, p99 ${r.save.p99Ms} ms, ` +
    `${r.save.sequentialPerSecond}/s one after the other, ${r.save.concurrentPerSecond}/s with ${r.save.clients} clients`,
  ...r.reads.map(
    (c) =>
      `  ${c.name}${c.rows === undefined ? '' : ` (${c.rows} rows)`}: p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms`,
  ),
  ...r.plans.map((p) => `  plan ${p.name} (${p.executionMs} ms): ${p.plan}`),
  `  load average (1, 5, 15 min) before ${r.loadAverage.before.join(', ')}, after ${r.loadAverage.after.join(', ')}`,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '200' },
      runs: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '5' },
      clients: { type: 'string', default: '8' },
    },
  });
  await runStandalone('work.ts', async (database) => {
    const result = await workBench(database, {
      members: Number(values.members),
      runs: Number(values.runs),
      seconds: Number(values.seconds),
      clients: Number(values.clients),
    });
    console.log(workLines(result).join('\n'));
  });
}
