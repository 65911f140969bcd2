import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/platform/db/index.ts';
import {
  type JobDefinition,
  type JobRunner,
  type JobsState,
  startJobs,
} from '../../src/platform/jobs/index.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
  /** The job runner, when the app was built with `jobs`. */
  jobs?: JobRunner;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  plugins?: ((app: FastifyInstance, opts: { database: Database }) => Promise<void>)[];
  log?: Logger;
  jobsState?: () => JobsState;
  /** Runs these jobs in the test (pg-boss on the test database, polling every 0.5 s); the app gets `sendJob`. */
  jobs?: (config: Config, log: Logger) => readonly JobDefinition[];
}

/** The real app on a fresh cloned database, for `app.inject`. Call `close()` in afterAll. */
export const createTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const testDb = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent',
    ...options.env,
  });
  const log = options.log ?? pino({ level: 'silent' });
  const jobs = options.jobs
    ? await startJobs({
        database: testDb.database,
        log,
        jobs: options.jobs(config, log),
        work: true,
        pollingIntervalSeconds: 0.5,
      })
    : undefined;
  const app = await buildApp({
    jwtSecret: TEST_JWT_SECRET,
    config,
    database: testDb.database,
    log,
    jobsState: options.jobsState ?? (jobs ? () => jobs.state() : () => 'disabled'),
    plugins: options.plugins ?? [],
    ...(jobs ? { sendJob: jobs.send, jobMonitor: () => jobs } : {}),
  });
  await app.ready();
  return {
    ...testDb,
    app,
    config,
    ...(jobs ? { jobs } : {}),
    close: async () => {
      await app.close();
      await jobs?.stop();
      await testDb.drop();
    },
  };
};
