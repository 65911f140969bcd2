import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from './boot.ts';
import { appConsumers } from './events.ts';
import { appJobs, startJobWakeups } from './jobs.ts';
import { migrationStatus } from './platform/db/index.ts';
import { createEventDispatcher } from './platform/events/index.ts';
import { startJobs } from './platform/jobs/index.ts';
import { createLogger } from './platform/observability/logger.ts';
import { serveMetrics } from './platform/observability/metrics.routes.ts';
import { createMetrics } from './platform/observability/metrics.ts';
import { createRealtimeHub } from './platform/realtime/index.ts';

// Dedicated job worker for scaled-out deployments: the same job handlers and event consumers as the server, no
// HTTP API (metrics on METRICS_PORT when set).
const config = loadConfigOrExit();
const log = createLogger(config).child({ component: 'worker' });

const run = async () => {
  if (!config.DATABASE_URL) {
    log.fatal('npm run worker needs DATABASE_URL: the embedded database belongs to the server process');
    process.exit(1);
  }
  log.info({ database: describeDatabase(config) }, 'opening database');
  const database = await openConfiguredDatabase(config, log);
  const status = await migrationStatus(database);
  if (status.unknown.length > 0) {
    log.fatal(
      { unknown: status.unknown },
      'database was migrated by a newer version of Tessera: not starting',
    );
    process.exit(1);
  }
  if (status.pending.length > 0) {
    log.fatal(
      { pending: status.pending },
      'database is not migrated: start the server (or npm run db:migrate) first',
    );
    process.exit(1);
  }
  // Created first: the jobs count into it; the queue gauge reads `jobs` at scrape time (served after they start).
  const metrics = createMetrics({ database, queues: () => jobs.boss.getQueues() });
  const definitions = appJobs(config, log, metrics);
  const jobs = await startJobs({ database, log, jobs: definitions, work: true });
  // Socket messages reach the server instances' sockets through Redis (none without REDIS_URL).
  const realtime = config.REDIS_URL
    ? await createRealtimeHub({ log, redisUrl: config.REDIS_URL })
    : undefined;
  const dispatcher = createEventDispatcher({
    database,
    log,
    consumers: appConsumers(realtime ? { realtime } : {}),
    observer: metrics.dispatchObserver,
  });
  await dispatcher.start();
  const stopWakeups = await startJobWakeups({ database, log, send: jobs.send });
  const metricsServer = config.METRICS_PORT
    ? await serveMetrics({
        metrics,
        host: config.HOST,
        port: config.METRICS_PORT,
        token: config.METRICS_TOKEN,
      })
    : undefined;
  log.info({ jobs: definitions.map((j) => j.name) }, 'worker running');
  const shutdown = async () => {
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    metricsServer?.close();
    await dispatcher.stop();
    await stopWakeups();
    await realtime?.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
};

run().catch((err: unknown) => {
  log.fatal({ err }, 'worker failed');
  process.exit(1);
});
