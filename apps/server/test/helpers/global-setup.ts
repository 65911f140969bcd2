import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/platform/db/index.ts';
import { cachedCluster, ensureClusterCache } from '../../src/platform/db/pglite-cluster-cache.ts';
import { adminQuery, templateName } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

const log = pino({ level: 'silent' });

/** Migrates once per run: a PGlite data-dir dump, or a PostgreSQL template database. Test files clone it. */
export const setup = async (project: TestProject) => {
  if (project.config.env?.TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
    const name = templateName();
    await adminQuery(url, `drop database if exists ${name}`);
    await adminQuery(url, `create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({
      kind: 'postgres',
      url: target.href,
      poolMax: 2,
      queryTimeoutMs: 30_000,
      log,
    });
    await migrate(database, log);
    await database.close();
    project.provide('postgresTemplate', name);
    return async () => {
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    };
  }
  // From the cached empty cluster (made by npm install) when there is one: skips PGlite's initdb.
  await ensureClusterCache();
  const database = await openDatabase({ kind: 'pglite', loadDataDir: cachedCluster(), log });
  await migrate(database, log);
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const file = join(tmpdir(), `tessera-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
};
