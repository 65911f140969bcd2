import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock.ts';
import { cachedCluster, holdsNoCluster } from './pglite-cluster-cache.ts';
import { pgClientSession, pgliteSession, type SqlSession } from './sql-session.ts';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type DbKind = 'pglite' | 'postgres';

/** An open database: Drizzle for application code, a raw session for platform code, and its lifecycle. */
export interface Database {
  kind: DbKind;
  db: Db;
  /** Runs `fn` on one dedicated session (one pooled connection, or PGlite itself). */
  withSession<T>(fn: (s: SqlSession) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: a transaction whose `BEGIN` and `prelude` (statements without parameters, e.g. entering
   * a tenant scope) go in one round trip, then `fn` on it, then `COMMIT` (ROLLBACK when `fn` throws).
   */
  transactionWith?<T>(prelude: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Quick round trip used by health checks; rejects after `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /** The PGlite instance when embedded (pg-boss needs it), else undefined. */
  pglite?: PGlite;
  /** Connection settings for pg-boss when on PostgreSQL. */
  connectionString?: string;
  /** PostgreSQL only: connections of the pool (metrics). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, btree_gin, btree_gist };

export type OpenDatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax: number; queryTimeoutMs: number; log: Logger }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File; log: Logger };

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
};

const openPostgres = (url: string, poolMax: number, queryTimeoutMs: number, log: Logger): Database => {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: queryTimeoutMs,
    keepAlive: true,
    application_name: 'tessera',
  });
  // An idle client losing its connection emits here; without a listener the process would crash.
  pool.on('error', (err) => log.warn({ err: err.message }, 'database connection lost'));
  // A checked-out client (inside a request's transaction) has no pool listener: one of its own, for its
  // whole life, so a dropped connection (ECONNRESET, "Connection terminated unexpectedly") fails only the
  // query in flight (→ 503) and never becomes an unhandled 'error' event that ends the process.
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'database connection lost (client in use)'));
  });
  const db = drizzlePg(pool);
  // Drizzle internals a transaction is built from (drizzle-orm 0.45; covered by every tenant test on PostgreSQL).
  type SessionArgs = ConstructorParameters<typeof NodePgSession<Record<string, never>, never>>;
  const { dialect, session: root } = db as unknown as {
    dialect: SessionArgs[1];
    session: { schema: SessionArgs[2]; options: SessionArgs[3] };
  };
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    // Drizzle's own transaction sends BEGIN alone: one more round trip (a write, a wake-up) per request.
    transactionWith: async (prelude, fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`begin; ${prelude}`);
        const session = new NodePgSession(client, dialect, root.schema, root.options);
        const result = await fn(new NodePgTransaction(dialect, session, root.schema) as unknown as Tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch((e: Error) => {
          broken = e; // the connection is unusable: the pool drops it instead of lending it again
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    connectionString: url,
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolMax,
    }),
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(pgClientSession(client));
      } finally {
        client.release();
      }
    },
    ping: async (timeoutMs) => {
      await withTimeout(pool.query('select 1'), timeoutMs, 'database ping');
    },
    close: () => pool.end(),
  };
};

const openPglite = async (
  dataDir: string | undefined,
  loadDataDir: Blob | File | undefined,
): Promise<Database> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  // A new data directory starts from the cached empty cluster when there is one (skips initdb).
  const load = loadDataDir ?? (dataDir && holdsNoCluster(dataDir) ? cachedCluster() : undefined);
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(load ? { loadDataDir: load } : {}),
    extensions: pgliteExtensions,
  });
  const session = pgliteSession(pglite);
  return {
    kind: 'pglite',
    db: drizzlePglite(pglite) as unknown as Db,
    pglite,
    withSession: (fn) => fn(session),
    ping: async (timeoutMs) => {
      await withTimeout(pglite.query('select 1'), timeoutMs, 'database ping');
    },
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
};

export const openDatabase = async (opts: OpenDatabaseOptions): Promise<Database> =>
  opts.kind === 'postgres'
    ? openPostgres(opts.url, opts.poolMax, opts.queryTimeoutMs, opts.log)
    : openPglite(opts.dataDir, opts.loadDataDir);
