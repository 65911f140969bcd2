import { randomBytes } from 'node:crypto';
import type { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { openConfiguredDatabase } from '../src/boot.ts';
import { ConfigError, type environmentVariables, loadConfig } from '../src/config/index.ts';
import type { Database } from '../src/platform/db/index.ts';

// What run.ts's scenarios share: the app's configuration for the bench, the open database, and formatting.

export interface BenchEnv {
  config: ReturnType<typeof loadConfig>;
  jwtSecret: string;
  log: Logger;
  database: Database;
  connectionString: string;
  /** Rows of a statement on the bench's own connection (no tenant scope). */
  rows: <T>(query: ReturnType<typeof sql>) => Promise<T[]>;
}

/** Loads the configuration (exits on a bad one) and opens DATABASE_URL. */
export const openBenchEnv = async (
  environment: ReturnType<typeof environmentVariables>,
): Promise<BenchEnv> => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      ...environment,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: environment.JWT_SECRET ?? randomBytes(32).toString('base64url'),
      // The benchmark is the only client: the global rate limit must not cap it.
      RATE_LIMIT_MAX: '1000000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      SEED_DEMO: 'false',
      WEB_DIST_DIR: '/nonexistent',
    });
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const log = pino({ level: 'silent' });
  const database = await openConfiguredDatabase(config, log);
  return {
    config,
    jwtSecret: config.JWT_SECRET as string,
    log,
    database,
    connectionString: config.DATABASE_URL as string,
    rows: async <T>(query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows,
  };
};

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
