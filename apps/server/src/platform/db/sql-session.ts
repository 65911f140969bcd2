import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { PoolClient } from 'pg';

/**
 * The smallest raw-SQL surface shared by PGlite and node-postgres: used by the migrator, the health check
 * and tests. Business code uses Drizzle through `withTenant` instead.
 */
export interface SqlSession {
  /** One statement with `$n` parameters, or (without parameters) a script of several statements. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs `fn` in BEGIN … COMMIT on this session, ROLLBACK on error. */
  transaction<T>(fn: (s: SqlSession) => Promise<T>): Promise<T>;
}

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

const pgliteQuery =
  (c: PgliteLike) =>
  async <R>(text: string, params?: unknown[]): Promise<R[]> => {
    if (params?.length) return (await c.query<R>(text, params)).rows;
    const results = await c.exec(text);
    return (results.at(-1)?.rows ?? []) as R[];
  };

export const pgliteSession = (pg: PGlite): SqlSession => ({
  query: pgliteQuery(pg),
  transaction: (fn) =>
    pg.transaction((tx) => fn({ query: pgliteQuery(tx), transaction: () => Promise.reject(nested()) })),
});

export const pgClientSession = (client: PoolClient): SqlSession => {
  const session: SqlSession = {
    query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn({ query: session.query, transaction: () => Promise.reject(nested()) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    },
  };
  return session;
};

const nested = () => new Error('Nested transactions are not supported on a SqlSession');
