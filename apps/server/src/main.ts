import { buildApp, identityDeps } from './app.ts';
import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from './boot.ts';
import { resolveJwtSecret } from './config/index.ts';
import { appJobs } from './jobs.ts';
import { migrate } from './platform/db/index.ts';
import { type JobRunner, startJobs } from './platform/jobs/index.ts';
import { createLogger } from './platform/observability/logger.ts';
import { seedDemo } from './seed/demo-seed.ts';

// Process entry: config → database → migrations → jobs → HTTP → graceful shutdown.
const config = loadConfigOrExit();
const log = createLogger(config);

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
  const app = await buildApp({
    config,
    jwtSecret,
    database,
    log,
    jobsState: () => jobs.state(),
    sendJob: jobs.send,
  });
  await app.listen({ host: config.HOST, port: config.PORT });
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
    try {
      await app.close();
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
