import { buildApp } from './app.ts';
import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from './boot.ts';
import { allJobs } from './jobs.ts';
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
  if (config.SEED_DEMO) {
    const { tenant, created } = await seedDemo(database);
    if (created) log.info({ tenant: tenant.name, slug: tenant.slug }, 'demo tenant created');
  }
  const jobs: JobRunner | undefined = await startJobs({
    database,
    log: log.child({ component: 'jobs' }),
    jobs: allJobs,
    work: config.JOBS_IN_PROCESS,
  });
  const app = await buildApp({ config, database, log, jobsState: () => jobs.state() });
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
