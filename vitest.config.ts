import { availableParallelism } from 'node:os';
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
    // One module graph per worker, not per file: importing the server's ~1,000 modules again for every file was
    // half of the suite's time. Files stay independent through their own database (a template clone per file)
    // and their own app instance; process-wide registries (Zod's, the module kit's) register idempotently.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Every core: server files spend much of their time waiting on PostgreSQL, so two files per two cores overlap
    // well (Vitest's default leaves one core idle).
    maxWorkers: availableParallelism(),
    projects: [
      { test: { name: 'contracts', root: 'packages/contracts', include: ['src/**/*.test.ts'] } },
      'apps/web/vitest.config.ts',
      serverProject('server', 'pglite', ['src/**/*.test.ts', 'test/**/*.test.ts']),
      ...(onPostgres ? [serverProject('server-postgres', 'postgres', ['test/**/*.test.ts'])] : []),
    ],
  },
});
