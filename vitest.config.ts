import { defineConfig } from 'vitest/config';

// Server API suites run on PGlite always, and again on real PostgreSQL when TEST_DATABASE_URL is set.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const serverProject = (name: string, db: 'pglite' | 'postgres', include: string[]) => ({
  test: {
    name,
    root: 'apps/server',
    include,
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    env: { TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'contracts', root: 'packages/contracts', include: ['src/**/*.test.ts'] } },
      'apps/web/vitest.config.ts',
      serverProject('server', 'pglite', ['src/**/*.test.ts', 'test/**/*.test.ts']),
      ...(onPostgres ? [serverProject('server-postgres', 'postgres', ['test/**/*.test.ts'])] : []),
    ],
  },
});
