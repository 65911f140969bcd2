import { type Readiness, readinessSchema, successEnvelope } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { loadMigrations, migrationStatus } from '../db/migrator.ts';
import { ok } from '../http/envelope.ts';
import type { Lifecycle } from './lifecycle.ts';

export interface ReadinessDeps {
  database: Database;
  lifecycle: Lifecycle;
  timeoutMs: number;
}

/**
 * `GET /api/health/ready`: 200 only when this instance should get traffic — started and not shutting down, the
 * database answers within HEALTH_TIMEOUT_MS and it has exactly this build's migrations. Otherwise 503 with the
 * failing check, so a load balancer drains the instance while it stops, migrates or has lost its database.
 * `GET /api/health` stays the liveness/status endpoint.
 */
export const readinessRoutes = async (
  app: FastifyInstance,
  { database, lifecycle, timeoutMs }: ReadinessDeps,
) => {
  const known = loadMigrations();
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Readiness for traffic',
        response: { 200: successEnvelope(readinessSchema), 503: successEnvelope(readinessSchema) },
      },
    },
    async (_req, reply) => {
      const checks: Readiness['checks'] = {
        lifecycle: lifecycle.state(),
        db: 'connected',
        migrations: 'applied',
      };
      try {
        await database.ping(timeoutMs);
        const s = await migrationStatus(database, known);
        if (s.unknown.length > 0) checks.migrations = 'unknown';
        else if (s.pending.length > 0) checks.migrations = 'pending';
      } catch {
        checks.db = 'disconnected';
        checks.migrations = 'unknown';
      }
      const ready =
        checks.lifecycle === 'ready' && checks.db === 'connected' && checks.migrations === 'applied';
      return reply.code(ready ? 200 : 503).send(ok({ status: ready ? 'ready' : 'not_ready', checks }));
    },
  );
};
