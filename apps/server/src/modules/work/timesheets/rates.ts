import { type SQL, sql } from 'drizzle-orm';

/**
 * The project's time entries (`where` narrows them further, on the alias `e` of time_entries), each with the
 * hourly rate (minor units) it bills at: the member's assignment on that day (the latest-starting one when
 * several cover it) — its own rate, else the project's rate for its role —, else the project's default rate,
 * else 0. Set-based: the entries are joined with the project's assignments once (a hash join on the member)
 * and DISTINCT ON keeps the first match per entry, instead of a lookup per entry. A subquery to select from
 * (`from ${pricedEntries(…)} r`): columns `id, user_id, work_date, week_start, task_id, minutes, billable,
 * note, rate`.
 */
export const pricedEntries = (tenantId: string, projectId: string, where: SQL = sql`true`) => sql`(
  select distinct on (e.id) e.id, e.user_id, e.work_date, e.week_start, e.task_id, e.minutes, e.billable, e.note,
         coalesce(a.rate, p.default_rate_cents, 0)::bigint as rate
    from time_entries e
    join projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
    left join (
      select a.user_id, a.start_date, a.end_date, a.id,
             coalesce(a.rate_cents, (pr.role_rates ->> a.role)::bigint) as rate
        from project_assignments a
        join projects pr on pr.tenant_id = a.tenant_id and pr.id = a.project_id
       where a.tenant_id = ${tenantId} and a.project_id = ${projectId} and a.archived_at is null
    ) a on a.user_id = e.user_id and e.work_date between a.start_date and a.end_date
   where e.tenant_id = ${tenantId} and e.project_id = ${projectId} and (${where})
   order by e.id, a.start_date desc, a.id)`;
