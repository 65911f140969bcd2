import { sql } from 'drizzle-orm';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { BUILDERS, type GenerateCounts } from './generate-batches.ts';

export type { GenerateCounts };

/**
 * The CRM's bulk data generator (benchmarks, query-plan checks; called by seed/generate.ts through crm/index.ts):
 * every row is made by PostgreSQL itself with
 * `INSERT … SELECT … FROM generate_series(…)`, one batch per transaction — no client round trip per row, and
 * the same SQL on PostgreSQL and PGlite. Values come from hashes of the row number (the same rows on every
 * run, except ids and the time the series ends at); timestamps are whole milliseconds.
 */

export interface GenerateCrmDataInput {
  tenantId: string;
  counts: GenerateCounts;
  /** Owners (user ids of active members) to spread rows over; the first also creates unowned rows. */
  ownerIds: readonly string[];
  /** Rows per INSERT (and per transaction). Default 100 000. */
  batchSize?: number;
  /** Newest created_at; rows are spread over the two years before it. Default now. */
  end?: Date;
  onBatch?: (progress: { table: string; done: number; total: number; elapsedMs: number }) => void;
}

export interface TableResult {
  table: string;
  rows: number;
  ms: number;
}

const TWO_YEARS_MS = 730 * 24 * 3600 * 1000;

/**
 * Fills a tenant with `counts` rows per table (companies first: contacts and deals point at them). Each batch
 * runs in a tenant transaction as the application role (row-level security applies as in the app), then the
 * tables are VACUUM ANALYZEd (fresh statistics and visibility map, GIN pending lists merged) as the owner.
 */
export const generateCrmData = async (
  database: Database,
  options: GenerateCrmDataInput,
): Promise<TableResult[]> => {
  const { tenantId, counts, ownerIds: owners } = options;
  const batchSize = options.batchSize ?? 100_000;
  if (owners.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  const end = (options.end ?? new Date()).getTime();
  const results: TableResult[] = [];
  for (const [table, build] of BUILDERS) {
    const total = counts[table] ?? 0;
    if (total <= 0) continue;
    const started = performance.now();
    // Row numbers continue after the tenant's existing rows, so a second run adds new people, not copies.
    const offset = await withTenant(database, tenantId, async (tx) => {
      const result = (await tx.execute(
        sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]?.n ?? 0;
    });
    const step = TWO_YEARS_MS / total;
    // Row g is created at start + (g - 1) · step: the new rows span the two years before `end`.
    const start = new Date(end - TWO_YEARS_MS - offset * step);
    for (let from = offset + 1; from <= offset + total; from += batchSize) {
      const to = Math.min(offset + total, from + batchSize - 1);
      await withTenant(database, tenantId, async (tx) => {
        // More sort memory and no commit flush wait, for this bulk transaction only.
        await tx.execute(
          sql`select set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`,
        );
        await tx.execute(build({ tenantId, owners, from, to, start, step }));
      });
      options.onBatch?.({ table, done: to - offset, total, elapsedMs: performance.now() - started });
    }
    results.push({ table, rows: total, ms: performance.now() - started });
  }
  const started = performance.now();
  const analyzed = results.map((r) => r.table);
  if (analyzed.length > 0)
    await database.withSession((s) => s.query(`vacuum (analyze) ${analyzed.join(', ')}`));
  results.push({ table: 'vacuum analyze', rows: 0, ms: performance.now() - started });
  return results;
};
