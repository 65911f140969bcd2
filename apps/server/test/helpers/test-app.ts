import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/index.ts';
import type { JobsState } from '../../src/platform/jobs/index.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
  log?: Logger;
  jobsState?: () => JobsState;
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
  const app = await buildApp({
    jwtSecret: TEST_JWT_SECRET,
    config,
    database: testDb.database,
    log: options.log ?? pino({ level: 'silent' }),
    jobsState: options.jobsState ?? (() => 'disabled'),
    plugins: options.plugins ?? [],
  });
  await app.ready();
  return {
    ...testDb,
    app,
    config,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
};
