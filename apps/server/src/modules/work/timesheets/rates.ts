import { type SQL, sql } from 'drizzle-orm';

/**
 * The project's time entries (`where` narrows them further, on the alias `e` of time_entries), each with the
 * hourly rate (minor units) it bills at: the member's assignment on that day (the latest-starting one when
 * several cover it; then the lower id) — its own rate, else the project's rate for its role —, else the
 * project's default rate, else 0.
 *
 * Set-based, and the per-entry work is one hash join: the project's assignments (a handful of rows) are first
 * cut into each member's disjoint **rate periods** — the boundaries are every start date and every day after an
 * end date; each period takes the rate of the assignment that wins it — and each entry then falls into at most
 * one period (`work_date between`). No lookup, sort or de-duplication per entry. A subquery to select from
 * (`from ${pricedEntries(…)} e`): columns `id, user_id, work_date, week_start, task_id, minutes, billable, note,
 * rate`.
 */
export const pricedEntries = (tenantId: string, projectId: string, where: SQL = sql`true`) => sql`(
  with assigned as (
    select a.id, a.user_id, a.start_date, a.end_date,
           coalesce(a.rate_cents, (p.role_rates ->> a.role)::bigint) as rate
      from project_assignments a
      join projects p on p.tenant_id = a.tenant_id and p.id = a.project_id
     where a.tenant_id = ${tenantId} and a.project_id = ${projectId} and a.archived_at is null
  ), bounds as (
    select user_id, start_date as day from assigned
    union
    select user_id, end_date + 1 from assigned
  ), periods as (
    select user_id, day as from_day, lead(day) over (partition by user_id order by day) - 1 as to_day from bounds
  ), rated as (
    select distinct on (s.user_id, s.from_day) s.user_id, s.from_day, s.to_day, a.rate
      from periods s
      join assigned a on a.user_id = s.user_id and s.from_day between a.start_date and a.end_date
     where s.to_day is not null
     order by s.user_id, s.from_day, a.start_date desc, a.id
  )
  select e.id, e.user_id, e.work_date, e.week_start, e.task_id, e.minutes, e.billable, e.note,
         coalesce(r.rate, p.default_rate_cents, 0)::bigint as rate
    from time_entries e
    join projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
    left join rated r on r.user_id = e.user_id and e.work_date between r.from_day and r.to_day
   where e.tenant_id = ${tenantId} and e.project_id = ${projectId} and (${where}))`;
