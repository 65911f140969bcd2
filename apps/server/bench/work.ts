import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, identityDeps } from '../src/app.ts';
import { projectBudget } from '../src/modules/work/reports/budget.service.ts';
import { utilisation } from '../src/modules/work/reports/utilisation.service.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import { APP_ROLE, type Database, SCOPE_SQL, withTenant } from '../src/platform/db/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { benchAppConfig, runStandalone } from './bench-app.ts';
import type { PlanNode } from './explain.ts';
import { type CapturedQuery, captureQueries, withoutFrame } from './sql-capture.ts';

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
// Method and figures: docs/performance.md.

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

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

/** Wall times of `runs` calls after one warm-up: p50 / p99 in ms, and calls per second one after the other. */
const timed = async (runs: number, fn: (i: number) => Promise<unknown>) => {
  await fn(runs);
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  const elapsed = performance.now() - began;
  times.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    perSecond: round(runs / (elapsed / 1000)),
  };
};

/** One line per plan: node types with the index or table each scan reads, and actual rows × loops. */
const planText = (node: PlanNode): string => {
  const target = node['Index Name'] ?? node['Relation Name'];
  const loops = Number(node['Actual Loops'] ?? 1);
  const name = `${node['Node Type']}${target ? ` ${target}` : ''}${loops > 1 ? ` ×${loops}` : ''}`;
  const children = (node.Plans ?? []).map(planText);
  return children.length > 0 ? `${name} → ${children.join(' + ')}` : name;
};

/** `explain (analyze)` of a captured statement as the application runs it (tenant transaction, app role). */
const explainAnalyze = (database: Database, tenantId: string, query: CapturedQuery) =>
  database.withSession((s) =>
    s.transaction(async (t) => {
      await t.query(SCOPE_SQL, [APP_ROLE, tenantId, '']);
      const rows = await t.query<Record<string, unknown>>(
        `explain (analyze, format json) ${query.text}`,
        query.params,
      );
      const json = Object.values(rows[0] ?? {})[0];
      const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as {
        Plan: PlanNode;
        'Execution Time': number;
      }[];
      const first = parsed[0];
      if (!first) throw new Error('EXPLAIN returned no plan');
      return { plan: planText(first.Plan), executionMs: round(first['Execution Time']) };
    }),
  );

/** Projects, assignments and a year of entries; every week but the last approved, the last submitted. */
const generate = async (
  database: Database,
  tenantId: string,
  ownerId: string,
  memberIds: string[],
  from: string,
  to: string,
) =>
  withTenant(database, tenantId, async (tx) => {
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
    const projects = await rows<{ id: string; code: string }>(sql`
      insert into projects (id, tenant_id, created_by, name, code, status, manager_id, start_date, end_date,
        budget_minutes, budget_cents, billing_mode, default_rate_cents)
      select gen_random_uuid(), ${tenantId}, ${ownerId}, 'Bench project ' || n, 'WB-' || n, 'active', ${ownerId},
        ${from}::date, ${from}::date + 730, 600000 * 60, 90000000,
        case n when 8 then 'non_billable' when 7 then 'fixed_price' else 'time_and_materials' end,
        case n when 8 then null else 9000 + n * 500 end
      from generate_series(1, 8) n
      returning id, code`);
    const byN = new Map(projects.map((p) => [Number(p.code.slice(3)), p.id]));
    const internal = byN.get(8) as string;
    const members = memberIds.map((userId, i) => ({ user_id: userId, n: i, main: byN.get((i % 7) + 1) }));
    const json = JSON.stringify(members);
    await tx.execute(sql`
      insert into project_assignments (id, tenant_id, created_by, project_id, user_id, role, allocation_percent,
        start_date, end_date)
      select gen_random_uuid(), ${tenantId}, ${ownerId}, p.project_id, m.user_id, 'consultant', p.percent,
        ${from}::date, ${from}::date + 730
      from jsonb_to_recordset(${json}::jsonb) as m(user_id uuid, n int, main uuid)
      cross join lateral (values (m.main, 75.0), (${internal}::uuid, 25.0)) as p(project_id, percent)`);
    const [inserted] = await rows<{ count: number }>(sql`
      with made as (
        insert into time_entries (id, tenant_id, created_by, user_id, work_date, project_id, minutes, billable)
        select gen_random_uuid(), ${tenantId}, ${ownerId}, m.user_id, d::date,
          case when k.main then m.main else ${internal}::uuid end,
          case when k.main then 360 + 15 * ((m.n * 7 + extract(doy from d)::int) % 9)
               else 60 + 15 * ((m.n + extract(doy from d)::int) % 5) end,
          k.main
        from jsonb_to_recordset(${json}::jsonb) as m(user_id uuid, n int, main uuid)
        cross join generate_series(${from}::date, ${to}::date, interval '1 day') as d
        cross join (values (true), (false)) as k(main)
        where extract(isodow from d) < 6
        returning 1)
      select count(*)::int as count from made`);
    const lastWeek = isoDay(Date.parse(`${to}T00:00:00Z`) - 6 * DAY);
    await tx.execute(sql`
      update timesheet_weeks set status = 'approved', submitted_at = week_start + 4, decided_by = ${ownerId},
        decided_at = week_start + 7
      where tenant_id = ${tenantId} and week_start < ${lastWeek}`);
    await tx.execute(sql`
      update timesheet_weeks set status = 'submitted', submitted_at = now()
      where tenant_id = ${tenantId} and week_start = ${lastWeek}`);
    const [weeks] = await rows<{ count: number }>(
      sql`select count(*)::int as count from timesheet_weeks where tenant_id = ${tenantId}`,
    );
    return {
      projects: byN,
      internal,
      mainOf: (i: number) => byN.get((i % 7) + 1) as string,
      entries: inserted?.count ?? 0,
      weeks: weeks?.count ?? 0,
    };
  });

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
    const data = await generate(database, tenant.tenantId, tenant.ownerId, members, from, to);
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
