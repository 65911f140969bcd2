import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database, Db } from '../src/platform/db/index.ts';

/** One statement as the driver received it. */
export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * Runs `fn` with a copy of `database` whose Drizzle logs every statement it sends, and returns them: the exact
 * SQL the real services build (list machinery, record scope, filters), with no hand-copied text to drift.
 * PostgreSQL: a private one-connection pool on the same database; PGlite: the same instance.
 */
export const captureQueries = async <T>(
  database: Database,
  fn: (logged: Database) => Promise<T>,
): Promise<{ result: T; queries: CapturedQuery[] }> => {
  const queries: CapturedQuery[] = [];
  const logger = {
    logQuery: (text: string, params: unknown[]) => queries.push({ text, params: [...params] }),
  };
  let pool: pg.Pool | undefined;
  let db: Db;
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its instance');
    db = drizzlePglite(database.pglite, { logger }) as unknown as Db;
  } else {
    pool = new pg.Pool({ connectionString: database.connectionString, max: 1 });
    db = drizzlePg(pool, { logger }) as unknown as Db;
  }
  try {
    // Without `transactionWith` (it would run on the real pool, unlogged): tenant transactions go through the
    // logged Drizzle instance; the frame is dropped by `withoutFrame` anyway.
    const { transactionWith: _unlogged, ...rest } = database;
    return { result: await fn({ ...rest, db }), queries };
  } finally {
    await pool?.end();
  }
};

/** The transaction frame `withTenant` adds around every service call. */
const isFrame = (text: string) =>
  /^\s*(begin|commit|rollback)\b/i.test(text) || /^\s*select set_config\('role'/i.test(text);

/** The statements a service ran inside its tenant transaction(s), without the frame. */
export const withoutFrame = (queries: readonly CapturedQuery[]): CapturedQuery[] =>
  queries.filter((q) => !isFrame(q.text));
