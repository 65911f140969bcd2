// What the bench files share: the in-process app's configuration and the "run one bench on DATABASE_URL"
// frame of their standalone entry points.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { openConfiguredDatabase } from '../src/boot.ts';
import { type Config, environmentVariables, loadConfig } from '../src/config/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/index.ts';

/**
 * The configuration a bench runs the app with: production mode, silent logs, a fresh JWT secret, no rate limit
 * in the way, hour-long access tokens, no demo company, no web assets.
 */
export const benchAppConfig = (): { config: Config; jwtSecret: string } => {
  const jwtSecret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...environmentVariables(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: jwtSecret,
    RATE_LIMIT_MAX: '1000000000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
  });
  return { config, jwtSecret };
};

/**
 * A bench file's own entry point: refuses to run without DATABASE_URL (benches measure real PostgreSQL), opens
 * and migrates the database, runs `bench`, closes it. `env` adds settings (e.g. a longer statement timeout).
 */
export const runStandalone = async (
  file: string,
  bench: (database: Database) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> => {
  const variables = environmentVariables();
  if (!variables.DATABASE_URL) {
    console.error(`bench/${file} needs DATABASE_URL (real PostgreSQL).`);
    process.exit(1);
  }
  const log = pino({ level: 'silent' });
  const config = loadConfig({
    ...variables,
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  const database = await openConfiguredDatabase(config, log);
  try {
    await migrate(database, log);
    await bench(database);
  } finally {
    await database.close();
  }
};
