import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, MigrationError, migrate, migrationStatus } from '../../src/platform/db/index.ts';
import { MIGRATIONS_DIR } from '../../src/platform/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

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

describe('migrator', () => {
  it('the cloned database has every committed migration applied', async () => {
    const status = await migrationStatus(t.database);
    expect(status.pending).toEqual([]);
    expect(status.applied).toBe(loadMigrations().length);
  });

  it('is a no-op when run again, also when several instances run it at once', async () => {
    const results = await Promise.all([
      migrate(t.database, log),
      migrate(t.database, log),
      migrate(t.database, log),
    ]);
    for (const r of results) expect(r.pending).toEqual([]);
    const [count] = await t.database.withSession((s) =>
      s.query<{ n: number }>('select count(*)::int as n from schema_migrations'),
    );
    expect(count?.n).toBe(loadMigrations().length);
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
