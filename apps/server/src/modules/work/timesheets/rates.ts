import { sql } from 'drizzle-orm';

/**
 * The hourly rate (minor units) time of `entry` (an alias of time_entries) bills at, with `project` (an alias of
 * projects) joined: the member's assignment rate on that day, else the project's rate for the assignment's role,
 * else the project's default rate, else 0.
 */
export const entryRate = (entry: string, project: string) =>
  sql.raw(`coalesce(
    (select coalesce(a.rate_cents, (${project}.role_rates ->> a.role)::bigint)
       from project_assignments a
      where a.tenant_id = ${entry}.tenant_id and a.project_id = ${entry}.project_id and a.user_id = ${entry}.user_id
        and ${entry}.work_date between a.start_date and a.end_date and a.archived_at is null
      order by a.start_date desc, a.id limit 1),
    ${project}.default_rate_cents, 0)`);
