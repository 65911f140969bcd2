import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from './config/index.ts';
import { type Database, openDatabase } from './platform/db/index.ts';

/** Loads the configuration or exits with the readable list of what is wrong. */
export const loadConfigOrExit = (): Config => {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw err;
  }
};

/** PostgreSQL when DATABASE_URL is set, else the embedded PGlite database in DATA_DIR. */
export const openConfiguredDatabase = (config: Config, log: Logger): Promise<Database> =>
  config.DATABASE_URL
    ? openDatabase({
        kind: 'postgres',
        url: config.DATABASE_URL,
        poolMax: config.DATABASE_POOL_MAX,
        queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
        log,
      })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir, log });

/** Where the database lives, for log lines (never the password). */
export const describeDatabase = (config: Config): string => {
  if (!config.DATABASE_URL) return `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
};
