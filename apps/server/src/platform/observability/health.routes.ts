import { type Health, healthSchema, successEnvelope } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config/index.ts';
import type { Database } from '../db/database.ts';
import { loadMigrations, migrationStatus } from '../db/migrator.ts';
import { ok } from '../http/envelope.ts';
import type { JobsState } from '../jobs/job-runner.ts';

export interface HealthDeps {
  config: Config;
  database: Database;
  jobsState: () => JobsState;
}

const startedAt = Date.now();

/**
 * `GET /api/health`: liveness and readiness in one. 200 when the database answers within HEALTH_TIMEOUT_MS and
 * every migration of this build is applied; 503 otherwise. Never throws: a lost database is a 503, not a crash.
 */
export const healthRoutes = async (app: FastifyInstance, { config, database, jobsState }: HealthDeps) => {
  const expected = loadMigrations().length;
  let lastMigrations: Health['migrations'] = { applied: 0, expected, latest: null };

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Health and readiness',
        response: { 200: successEnvelope(healthSchema), 503: successEnvelope(healthSchema) },
      },
    },
    async (_req, reply) => {
      let connected = true;
      try {
        await database.ping(config.HEALTH_TIMEOUT_MS);
        const s = await migrationStatus(database);
        lastMigrations = { applied: s.applied, expected: s.expected, latest: s.latest };
      } catch {
        connected = false;
      }
      const ready = connected && lastMigrations.applied >= lastMigrations.expected;
      const health: Health = {
        status: ready ? 'ok' : 'degraded',
        db: connected ? 'connected' : 'disconnected',
        dbKind: database.kind,
        jobs: jobsState(),
        version: config.version,
        uptime: Math.round((Date.now() - startedAt) / 1000),
        migrations: lastMigrations,
      };
      return reply.code(ready ? 200 : 503).send(ok(health));
    },
  );
};
