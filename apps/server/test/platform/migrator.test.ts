import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  loadMigrations,
  MigrationError,
  migrate,
  migrationStatus,
  openDatabase,
} from '../../src/platform/db/index.ts';
import { MIGRATIONS_DIR } from '../../src/platform/db/migrator.ts';
import { adminQuery, databaseUrl } from '../helpers/postgres-admin.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../helpers/test-database.ts';

const log = pino({ level: 'silent' });
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** A copy of the real migrations plus one extra migration whose SQL is `sql`. */
const migrationsWithExtra = (tag: string, sql: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries.push({
    idx: journal.entries.length,
    version: '7',
    when: Date.now(),
    tag,
    breakpoints: true,
  });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(dir, `${tag}.sql`), sql);
  return loadMigrations(dir);
};

const tableExists = async (name: string) =>
  t.database.withSession(async (s) => {
    const [row] = await s.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [
      `public.${name}`,
    ]);
    return row?.ok;
  });

/** A logger that records the tag of every migration it reports as applying. */
const recordingLog = (applied: string[]) =>
  pino(
    { level: 'info' },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as { msg?: string; migration?: string };
        if (entry.msg === 'applying migration' && entry.migration) applied.push(entry.migration);
      },
    },
  );

/**
 * `n` instances of one new, empty (never migrated) database. PostgreSQL: `n` pools on a fresh database,
 * as `n` servers starting together. PGlite (one process owns a data directory): `n` callers of one instance.
 */
const emptyDatabases = async (n: number): Promise<{ instances: Database[]; close(): Promise<void> }> => {
  if (testDbKind() === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL as string;
    const name = `tessera_empty_${randomBytes(6).toString('hex')}`;
    await adminQuery(admin, `create database ${name}`);
    const url = databaseUrl(admin, name);
    const instances = await Promise.all(
      Array.from({ length: n }, () =>
        openDatabase({ kind: 'postgres', url, poolMax: 2, queryTimeoutMs: 60_000, log }),
      ),
    );
    return {
      instances,
      close: async () => {
        await Promise.all(instances.map((d) => d.close()));
        await adminQuery(admin, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const database = await openDatabase({ kind: 'pglite', log });
  return { instances: Array.from({ length: n }, () => database), close: () => database.close() };
};

describe('migrator', () => {
  it('the cloned database has every committed migration applied', async () => {
    const status = await migrationStatus(t.database);
    expect(status.pending).toEqual([]);
    expect(status.applied).toBe(loadMigrations().length);
  });

  it('is a no-op when run again', async () => {
    const result = await migrate(t.database, log);
    expect(result.pending).toEqual([]);
    const [count] = await t.database.withSession((s) =>
      s.query<{ n: number }>('select count(*)::int as n from schema_migrations'),
    );
    expect(count?.n).toBe(loadMigrations().length);
  });

  it('several instances migrating one EMPTY database at once apply each migration exactly once', async () => {
    const empty = await emptyDatabases(3);
    try {
      const applied: string[] = [];
      const results = await Promise.all(
        empty.instances.map((database) => migrate(database, recordingLog(applied))),
      );
      for (const r of results) expect(r.pending).toEqual([]);
      const tags = loadMigrations().map((m) => m.tag);
      // Each migration's SQL ran once in total (one "applying migration" across all instances)…
      expect([...applied].sort()).toEqual([...tags].sort());
      // …and is recorded once.
      const rows = await empty.instances[0]?.withSession((s) =>
        s.query<{ tag: string }>('select tag from schema_migrations order by idx'),
      );
      expect(rows?.map((r) => r.tag)).toEqual(tags);
    } finally {
      await empty.close();
    }
  });

  it('rolls back a failing migration completely and reports which one failed', async () => {
    const known = migrationsWithExtra(
      '9000_broken',
      'create table half_done (id int);\n--> statement-breakpoint\nselect * from table_that_does_not_exist;',
    );
    await expect(migrate(t.database, log, known)).rejects.toThrow(
      /Migration 9000_broken failed and was rolled back/,
    );
    expect(await tableExists('half_done')).toBe(false);
    expect((await migrationStatus(t.database, known)).pending).toEqual(['9000_broken']);
  });

  it('applies a new migration once', async () => {
    const known = migrationsWithExtra('9001_extra', 'create table extra_table (id int);');
    expect((await migrate(t.database, log, known)).pending).toEqual([]);
    expect(await tableExists('extra_table')).toBe(true);
  });

  it('refuses a database that was migrated by a newer version, with a clear message', async () => {
    // The database now has 9001_extra, which the committed migrations (this build) do not know.
    const err = await migrate(t.database, log).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/migrated by a newer version/);
    expect((err as Error).message).toContain('9001_extra');
  });
});
