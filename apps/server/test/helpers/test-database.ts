import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { inject } from 'vitest';
import { type Database, type DbKind, openDatabase } from '../../src/platform/db/index.ts';
import { adminQuery, databaseUrl } from './postgres-admin.ts';

export const testDbKind = (): DbKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDatabase {
  database: Database;
  /** PostgreSQL only: the URL of this file's database (for a second pool, a worker process…). */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, cloned from the run's template (never re-migrated).
 * PGlite: loaded from the template dump into memory. PostgreSQL: CREATE DATABASE … TEMPLATE.
 */
export const createTestDatabase = async (options: { poolMax?: number } = {}): Promise<TestDatabase> => {
  const log = pino({ level: 'silent' });
  if (testDbKind() === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL as string;
    const name = `tessera_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(admin, `create database ${name} template ${inject('postgresTemplate')}`);
    const url = databaseUrl(admin, name);
    const database = await openDatabase({
      kind: 'postgres',
      url,
      poolMax: options.poolMax ?? 5,
      queryTimeoutMs: 30_000,
      log,
    });
    return {
      database,
      url,
      drop: async () => {
        await database.close().catch(() => {});
        await adminQuery(admin, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const database = await openDatabase({ kind: 'pglite', loadDataDir: dump, log });
  return { database, drop: () => database.close() };
};
