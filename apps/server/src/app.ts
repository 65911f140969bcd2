import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Database } from './platform/db/index.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { genReqId, registerRequestContext } from './platform/http/request-context.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerStaticWeb } from './platform/http/static-web.ts';
import type { JobsState } from './platform/jobs/index.ts';
import { healthRoutes } from './platform/observability/health.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  log: Logger;
  jobsState: () => JobsState;
  /** Extra plugins registered after the platform (tests use it for probe routes). */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
}

/** Builds the HTTP application. Used by `main.ts` and by every API test (through `app.inject`). */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const { config, database, log } = deps;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // One log line per request (request-context) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: false, // request-context answers with the error envelope instead
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Platform: request id + log line, error envelope, security headers / CORS / rate limit.
  registerRequestContext(app);
  registerErrorHandling(app);
  await registerSecurity(app, config);
  // API reference generated from the route contracts.
  await registerOpenApi(app, config);
  // Idempotency-Key replay for POSTs (runs after validation, before handlers).
  registerIdempotency(app, database);

  // Routes: platform first, then one encapsulated plugin per business module (added by later issues).
  await app.register(healthRoutes, { config, database, jobsState: deps.jobsState });
  for (const plugin of deps.plugins ?? []) await app.register(plugin);

  // The web app and the 404s (API → JSON envelope, client routes → index.html).
  await registerStaticWeb(app, config.webDistDir);
  return app;
};
