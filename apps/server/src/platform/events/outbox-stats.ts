import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export interface OutboxStats {
  /** Committed events not yet delivered to every consumer. */
  backlog: number;
  /** Seconds since the oldest of them was committed (0 when none). */
  oldestAgeSeconds: number;
}

/** Backlog and lag of the outbox, across tenants (owner connection; for metrics and health). */
export const outboxStats = async (database: Database): Promise<OutboxStats> => {
  const result = (await database.db.execute(sql`
    select count(*)::int as backlog,
           coalesce(extract(epoch from now() - min(committed_at)), 0)::float8 as age
    from event_outbox where seq is not null`)) as unknown as { rows: { backlog: number; age: number }[] };
  const row = result.rows[0];
  return { backlog: row?.backlog ?? 0, oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
};
