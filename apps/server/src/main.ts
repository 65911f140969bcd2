import { enableCompileCache } from 'node:module';
import type { JobRunner } from './platform/jobs/index.ts';

// V8's code cache for every module loaded after this line (TypeScript included, in the OS temp directory):
// about a fifth less CPU to load the server on the next start. Hence the dynamic imports below.
enableCompileCache();

// `npm start` checks the web build here rather than in a node process of its own (one start-up less).
if (process.argv.includes('--build-web-if-changed')) {
  const { buildWebIfChanged } = await import('../../web/build-if-changed.ts');
  try {
    buildWebIfChanged();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

const { describeDatabase, loadConfigOrExit, openConfiguredDatabase } = await import('./boot.ts');
const { createLogger } = await import('./platform/observability/logger.ts');
const { createLifecycle } = await import('./platform/observability/lifecycle.ts');

// Process entry: config → database → migrations → HTTP → jobs + event dispatcher → graceful shutdown.
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
  // The job runner starts once the server listens (pg-boss's start is a few hundred ms of queries that no
  // request needs): until then /api/health reports `jobs: 'starting'`, a job sent waits for the runner, and the
  // job monitor and the queue gauge show no queues. A failed start still ends the process (start's catch).
  let jobs: JobRunner | undefined;
  let jobsStarted: (runner: JobRunner) => void = () => {};
  const jobsReady = new Promise<JobRunner>((resolve) => {
    jobsStarted = resolve;
  });
  const metrics = createMetrics({
    database,
    queues: async () => (jobs ? jobs.boss.getQueues() : []),
  });
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log,
    jobsState: () => jobs?.state() ?? 'starting',
    sendJob: async (...job) => (await jobsReady).send(...job),
    jobMonitor: () => jobs,
    metrics,
    lifecycle,
  });
  progress('app built');

  let stopWakeups: (() => Promise<void>) | undefined;
  let dispatcher: ReturnType<typeof createEventDispatcher> | undefined;
  let metricsServer: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  /** The jobs, wake-ups and event dispatcher, started after `listen`; shutdown waits for them to be up. */
  let background: Promise<void> = Promise.resolve();
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
      await background;
      await dispatcher?.stop();
      await stopWakeups?.();
      await jobs?.stop();
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

  await app.listen({ host: config.HOST, port: config.PORT });
  metricsServer = config.METRICS_PORT
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

  background = (async () => {
    const runner = await jobsModule.startJobs({
      database,
      log: log.child({ component: 'jobs' }),
      jobs: appJobs(config, log, metrics),
      work: config.JOBS_IN_PROCESS,
    });
    jobs = runner;
    jobsStarted(runner);
    progress('jobs started');
    if (!config.JOBS_IN_PROCESS) return;
    stopWakeups = await startJobWakeups({
      database,
      log: log.child({ component: 'jobs' }),
      send: runner.send,
    });
    // Committed events go to their consumers where the jobs run (here, or in `npm run worker`).
    dispatcher = createEventDispatcher({
      database,
      log,
      consumers: appConsumers({ realtime: app.realtime }),
      observer: metrics.dispatchObserver,
    });
    await dispatcher.start();
  })();
  await background;
};

start().catch((err: unknown) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
