import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { scopePrelude } from '../src/platform/db/index.ts';
import type { CapturedQuery } from './sql-capture.ts';

/** A bare route: the statements to run for a request (the captured service SQL, with per-request values). */
export interface BareRoute {
  method: 'GET' | 'POST';
  url: string;
  statements: (req: FastifyRequest) => CapturedQuery[];
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline: a Fastify instance with no plugins (no auth, rate limit, helmet, validation, response
 * schemas, idempotency, request logging) that runs the same statements through a raw `pg` Pool inside the
 * same tenant transaction frame as `withTenant` (BEGIN with the scope statement in one round trip, …, COMMIT) and returns
 * the last statement's rows with plain JSON.stringify.
 */
export const startBareServer = async (
  connectionString: string,
  poolMax: number,
  scope: { tenantId: string; userId: string },
  routes: readonly BareRoute[],
): Promise<BareServer> => {
  const pool = new pg.Pool({ connectionString, max: poolMax, application_name: 'tessera-bench-bare' });
  const inTenant = async (statements: CapturedQuery[]) => {
    const client = await pool.connect();
    try {
      await client.query(`begin; ${scopePrelude(scope)}`);
      let rows: unknown[] = [];
      for (const s of statements) rows = (await client.query(s.text, s.params)).rows;
      await client.query('commit');
      return rows;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  const app: FastifyInstance = Fastify({ logger: false });
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (req) => ({ data: await inTenant(route.statements(req)) }),
    });
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
};
