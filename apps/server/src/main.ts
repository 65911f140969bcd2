import { buildApp, identityDeps } from './app.ts';
import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from './boot.ts';
import { resolveJwtSecret } from './config/index.ts';
import { appConsumers } from './events.ts';
import { appJobs } from './jobs.ts';
import { migrate } from './platform/db/index.ts';
import { createEventDispatcher } from './platform/events/index.ts';
import { type JobRunner, startJobs } from './platform/jobs/index.ts';
import { createLifecycle } from './platform/observability/lifecycle.ts';
import { createLogger } from './platform/observability/logger.ts';
import { serveMetrics } from './platform/observability/metrics.routes.ts';
import { createMetrics } from './platform/observability/metrics.ts';
import { seedDemo } from './seed/demo-seed.ts';

// Process entry: config → database → migrations → jobs + event dispatcher → HTTP → graceful shutdown.
const config = loadConfigOrExit();
const log = createLogger(config);
const lifecycle = createLifecycle();

const start = async () => {
  log.info({ database: describeDatabase(config) }, 'opening database');
  const database = await openConfiguredDatabase(config, log);
  try {
    await migrate(database, log);
  } catch (err) {
    log.fatal({ err }, 'migrations failed: not starting');
    await database.close().catch(() => {});
    process.exit(1);
  }
  const jwtSecret = resolveJwtSecret(config);
  if (config.SEED_DEMO) {
    const demo = await seedDemo(identityDeps({ config, jwtSecret, database }));
    // The demo credentials are public (README); printed so that a first start needs no set-up.
    if (demo.created) {
      log.info(`demo company created: sign in as ${demo.email} / ${demo.password}`);
      for (const m of demo.members) log.info(`demo ${m.role}: ${m.email} / ${demo.password}`);
    }
  }
  const jobs: JobRunner | undefined = await startJobs({
    database,
    log: log.child({ component: 'jobs' }),
    jobs: appJobs(config, log),
    work: config.JOBS_IN_PROCESS,
  });
  const metrics = createMetrics({ database, queues: () => jobs.boss.getQueues() });
  // Committed events go to their consumers where the jobs run (here, or in `npm run worker`).
  const dispatcher = config.JOBS_IN_PROCESS
    ? createEventDispatcher({ database, log, consumers: appConsumers(), observer: metrics.dispatchObserver })
    : undefined;
  await dispatcher?.start();
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log,
    jobsState: () => jobs.state(),
    sendJob: jobs.send,
    metrics,
    lifecycle,
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  const metricsServer = config.METRICS_PORT
    ? await serveMetrics({
        metrics,
        host: config.HOST,
        port: config.METRICS_PORT,
        token: config.METRICS_TOKEN,
      })
    : undefined;
  lifecycle.set('ready');
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info(`Tessera is running at ${config.PUBLIC_URL ?? `http://localhost:${port}`}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      log.error('shutdown took too long: exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    lifecycle.set('stopping');
    try {
      await app.close();
      metricsServer?.close();
      await dispatcher?.stop();
      await jobs.stop();
      await database.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

start().catch((err: unknown) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
