import { enableCompileCache } from 'node:module';

// V8's code cache for every module loaded after this line (TypeScript included, in the OS temp directory):
// about a fifth less CPU to load the server on the next start. Hence the dynamic imports below.
enableCompileCache();

const { describeDatabase, loadConfigOrExit, openConfiguredDatabase } = await import('./boot.ts');
const { createLogger } = await import('./platform/observability/logger.ts');
const { createLifecycle } = await import('./platform/observability/lifecycle.ts');

// Process entry: config → database → migrations → jobs + event dispatcher → HTTP → graceful shutdown.
const config = loadConfigOrExit();
const log = createLogger(config);
const lifecycle = createLifecycle();

/** Start-up progress: each step's log line carries the ms since the process started (`sinceStartMs`). */
const progress = (step: string) => log.info({ sinceStartMs: Math.round(performance.now()) }, step);

const start = async () => {
  progress('configured');
  log.info({ database: describeDatabase(config) }, 'opening database');
  // The database opens (PGlite: WebAssembly start-up) while the rest of the server's modules load.
  const [
    database,
    { buildApp, identityDeps },
    { resolveJwtSecret },
    { appJobs, startJobWakeups },
    { appConsumers },
    { migrate },
    { createEventDispatcher },
    jobsModule,
    { serveMetrics },
    { createMetrics },
    seed,
  ] = await Promise.all([
    openConfiguredDatabase(config, log).then((db) => {
      progress('database open');
      return db;
    }),
    import('./app.ts'),
    import('./config/index.ts'),
    import('./jobs.ts'),
    import('./events.ts'),
    import('./platform/db/index.ts'),
    import('./platform/events/index.ts'),
    import('./platform/jobs/index.ts'),
    import('./platform/observability/metrics.routes.ts'),
    import('./platform/observability/metrics.ts'),
    import('./seed/demo-seed.ts'),
  ]);
  progress('modules loaded');
  try {
    await migrate(database, log);
    progress('migrations up to date');
  } catch (err) {
    log.fatal({ err }, 'migrations failed: not starting');
    await database.close().catch(() => {});
    process.exit(1);
  }
  const jwtSecret = resolveJwtSecret(config);
  if (config.SEED_DEMO) {
    const demo = await seed.seedDemo(identityDeps({ config, jwtSecret, database }));
    // The demo credentials are public (README); printed so that a first start needs no set-up.
    if (demo.created) {
      log.info(`demo company created: sign in as ${demo.email} / ${demo.password}`);
      for (const m of demo.members) log.info(`demo ${m.role}: ${m.email} / ${demo.password}`);
    }
  }
  // Created first: the jobs count into it; the queue gauge reads `jobs` at scrape time (served after they start).
  const metrics = createMetrics({ database, queues: () => jobs.boss.getQueues() });
  const jobs = await jobsModule.startJobs({
    database,
    log: log.child({ component: 'jobs' }),
    jobs: appJobs(config, log, metrics),
    work: config.JOBS_IN_PROCESS,
  });
  progress('jobs started');
  const stopWakeups = config.JOBS_IN_PROCESS
    ? await startJobWakeups({ database, log: log.child({ component: 'jobs' }), send: jobs.send })
    : undefined;
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log,
    jobsState: () => jobs.state(),
    sendJob: jobs.send,
    jobMonitor: jobs,
    metrics,
    lifecycle,
  });
  progress('app built');
  // Committed events go to their consumers where the jobs run (here, or in `npm run worker`).
  const dispatcher = config.JOBS_IN_PROCESS
    ? createEventDispatcher({
        database,
        log,
        consumers: appConsumers({ realtime: app.realtime }),
        observer: metrics.dispatchObserver,
      })
    : undefined;
  await dispatcher?.start();
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
  log.info(
    { sinceStartMs: Math.round(performance.now()) },
    `Tessera is running at ${config.PUBLIC_URL ?? `http://localhost:${port}`}`,
  );

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
      await stopWakeups?.();
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
