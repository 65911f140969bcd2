import { sql } from 'drizzle-orm';
import { type Database, withTenant } from '../src/platform/db/index.ts';

// The work bench's generated data: eight projects, assignments and a year of time entries (see work.ts).

export const DAY = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Projects, assignments and a year of entries; every week but the last approved, the last submitted. */
export const generateWorkData = async (
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
