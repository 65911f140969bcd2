import cookie from '@fastify/cookie';
import { ADMIN_PERMISSIONS } from '@tessera/contracts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import {
  adminRoutes,
  allowlistOf,
  featuresOff,
  initTenantSettings,
  registerFeatureFlags,
} from './modules/admin/index.ts';
import { createDefaultPipeline, crmRoutes } from './modules/crm/index.ts';
import { documentsDeps, documentsModuleRoutes } from './modules/documents/index.ts';
import { fieldRoutes } from './modules/field/index.ts';
import { type IdentityDeps, identityRoutes, registerAuthentication } from './modules/identity/index.ts';
import { integrationRoutes } from './modules/integrations/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { reportingRoutes } from './modules/reporting/index.ts';
import { salesRoutes } from './modules/sales/index.ts';
import { schedulingRoutes } from './modules/scheduling/index.ts';
import { workRoutes } from './modules/work/index.ts';
import { registerAdminIpGuard, registerRouteAccess } from './platform/access/index.ts';
import { createSecretBox } from './platform/auth/index.ts';
import { registerAfterCommit } from './platform/context/service-context.ts';
import type { Database } from './platform/db/index.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerIfMatch } from './platform/http/if-match.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { genReqId, registerRequestContext } from './platform/http/request-context.ts';
import { createResponseSerializer } from './platform/http/response-serializer.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerStaticWeb } from './platform/http/static-web.ts';
import {
  type JobMonitorSource,
  type JobsState,
  jobMonitorRoutes,
  type SendJob,
} from './platform/jobs/index.ts';
import { devMailboxRoutes } from './platform/mail/index.ts';
import { healthRoutes } from './platform/observability/health.routes.ts';
import { createLifecycle, type Lifecycle } from './platform/observability/lifecycle.ts';
import { metricsRoutes, registerHttpMetrics } from './platform/observability/metrics.routes.ts';
import { createMetrics, type Metrics } from './platform/observability/metrics.ts';
import { readinessRoutes } from './platform/observability/readiness.routes.ts';
import { bulkRoutes, exportRoutes, searchRoutes } from './platform/records/index.ts';
import { registerRealtime } from './realtime.ts';

export interface AppDeps {
  config: Config;
  /** The resolved signing secret (JWT_SECRET, or the generated development one). */
  jwtSecret: string;
  database: Database;
  log: Logger;
  jobsState: () => JobsState;
  /** Enqueue a background job; absent when no job queue runs (some tests). */
  sendJob?: SendJob;
  /**
   * The job queue for the admin job monitor (the job runner, once started: `main.ts` starts it after
   * listening); the monitor shows no queues while there is none.
   */
  jobMonitor?: () => JobMonitorSource | undefined;
  /** The process's metrics (main.ts shares them with the dispatcher); a fresh registry when absent. */
  metrics?: Metrics;
  /** Starting / ready / stopping, for readiness; always ready when absent (tests). */
  lifecycle?: Lifecycle;
  /** Extra plugins registered after the platform (tests use it for probe routes). */
  plugins?: ((app: FastifyInstance, opts: { database: Database }) => Promise<void>)[];
}

/** The identity module's dependencies, from the application's configuration (also used by the demo seed). */
export const identityDeps = ({
  config,
  jwtSecret,
  database,
  sendJob,
}: Pick<AppDeps, 'config' | 'jwtSecret' | 'database' | 'sendJob'>): IdentityDeps => ({
  database,
  sendJob,
  secretBox: createSecretBox(jwtSecret),
  auth: {
    jwtSecret,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    idleTimeoutMinutes: config.SESSION_IDLE_TIMEOUT_MINUTES,
    loginMaxFailures: config.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
    authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    principalCacheMs: config.AUTH_CACHE_MS,
    appUrl: config.appUrl,
  },
  // Other modules' part of a new tenant, in the sign-up transaction.
  onTenantCreated: [
    (tx, tenantId) => initTenantSettings(tx, tenantId).then(() => undefined),
    (tx, tenantId) => createDefaultPipeline(tx, tenantId).then(() => undefined),
  ],
});

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
  // Inputs are validated strictly; responses leniently (a row the database accepted never fails a page).
  app.setSerializerCompiler(createResponseSerializer(log));

  // Platform: request id + log line, error envelope, security headers / CORS / rate limit, cookies.
  registerRequestContext(app, { requestLogLevel: config.NODE_ENV === 'production' ? 'info' : 'debug' });
  const metrics = deps.metrics ?? createMetrics({ database });
  registerHttpMetrics(app, metrics);
  registerErrorHandling(app);
  // No NUL characters in any input (PostgreSQL refuses them in text): 400 naming the field, for every route.
  registerInputGuard(app);
  // ioredis is loaded only when there is a Redis to talk to.
  const redis = config.REDIS_URL
    ? (await import('./platform/cache/redis.ts')).createRedis(config.REDIS_URL)
    : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit()));
  await registerSecurity(app, config, redis);
  await app.register(cookie);
  // API reference generated from the route contracts.
  await registerOpenApi(app, config);
  // Who is calling (identity), then what each route allows (access), then Idempotency-Key replay.
  const identity = identityDeps(deps);
  const authentication = registerAuthentication(app, identity);
  await registerRealtime(app, { config, log, authentication });
  metrics.countSocketsWith(() => app.realtime.localSockets().length);
  registerRouteAccess(app);
  // Admin operations only from the tenant's allowed addresses, when it has a list (modules/admin).
  registerAdminIpGuard(app, { guarded: ADMIN_PERMISSIONS, allowlistOf: allowlistOf(database) });
  // Routes of a module whose feature flag is off answer 404 (config.feature; modules/admin/feature-flags).
  await registerFeatureFlags(app, { database, log });
  registerIfMatch(app);
  registerIdempotency(app, database);
  registerAfterCommit(app);

  // Routes: platform, then one encapsulated plugin per business module.
  await app.register(healthRoutes, { config, database, jobsState: deps.jobsState });
  await app.register(readinessRoutes, {
    database,
    lifecycle: deps.lifecycle ?? createLifecycle('ready'),
    timeoutMs: config.HEALTH_TIMEOUT_MS,
  });
  await app.register(metricsRoutes, { metrics, token: config.METRICS_TOKEN });
  if (config.NODE_ENV !== 'production') await app.register(devMailboxRoutes, { database });
  await app.register(identityRoutes, identity);
  await app.register(adminRoutes, { database });
  await app.register(crmRoutes, { database, sendJob: deps.sendJob });
  await app.register(notificationRoutes, { database });
  await app.register(salesRoutes, {
    database,
    sendJob: deps.sendJob,
    secret: deps.jwtSecret,
    appUrl: config.appUrl,
  });
  await app.register(schedulingRoutes, {
    database,
    sendJob: deps.sendJob,
    secret: deps.jwtSecret,
    appUrl: config.appUrl,
    bookingRateLimitPerMinute: config.BOOKING_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(fieldRoutes, { database });
  await app.register(integrationRoutes, { database, log, allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE });
  await app.register(documentsModuleRoutes, documentsDeps(config, deps.jwtSecret, database));
  await app.register(reportingRoutes, { database });
  await app.register(workRoutes, { database });
  await app.register(jobMonitorRoutes, { jobs: deps.jobMonitor });
  // Record kit routes made from what the modules registered (their index.ts ran when imported above).
  await app.register(exportRoutes, { database });
  await app.register(searchRoutes, { database, featuresOff });
  await app.register(bulkRoutes, { database });
  for (const plugin of deps.plugins ?? []) await app.register(plugin, { database });

  // The web app and the 404s (API → JSON envelope, client routes → index.html).
  await registerStaticWeb(app, config.webDistDir);
  return app;
};
