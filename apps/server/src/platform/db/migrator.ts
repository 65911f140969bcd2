import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Database } from './database.ts';
import type { SqlSession } from './sql-session.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
/** Key of the advisory lock that serialises migrations between instances starting together. */
const MIGRATION_LOCK_KEY = 7_361_522_019;

export interface Migration {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
}

export interface MigrationStatus {
  applied: number;
  expected: number;
  latest: string | null;
  pending: string[];
  /** Applied migrations this build does not know: the database is newer than the code. */
  unknown: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads drizzle-kit's journal and SQL files (the committed migrations), in order. */
export const loadMigrations = (dir = MIGRATIONS_DIR): Migration[] => {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries.map(({ idx, tag }) => {
    const sql = readFileSync(join(dir, `${tag}.sql`), 'utf8');
    return {
      idx,
      tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });
};

const ensureTable = (s: SqlSession) =>
  s.query(`create table if not exists schema_migrations (
    idx integer primary key,
    tag text not null unique,
    hash text not null,
    applied_at timestamptz not null default now()
  )`);

const appliedTags = async (s: SqlSession) =>
  (await s.query<{ tag: string; hash: string }>('select tag, hash from schema_migrations order by idx')).map(
    (r) => r,
  );

/** Refuses a database that has migrations this build does not know (it is newer than the code). */
const assertNotNewer = (applied: { tag: string }[], known: Migration[]) => {
  const knownTags = new Set(known.map((m) => m.tag));
  const unknown = applied.filter((a) => !knownTags.has(a.tag));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has ${unknown.length} migration(s) this version of Tessera does not know ` +
        `(${unknown.map((u) => u.tag).join(', ')}): it was migrated by a newer version. ` +
        'Run that version, or point DATABASE_URL / DATA_DIR at the right database.',
    );
  }
};

export const migrationStatus = async (
  database: Database,
  known = loadMigrations(),
): Promise<MigrationStatus> =>
  database.withSession(async (s) => {
    const [exists] = await s.query<{ ok: boolean }>(
      "select to_regclass('public.schema_migrations') is not null as ok",
    );
    const applied = exists?.ok ? await appliedTags(s) : [];
    const done = new Set(applied.map((a) => a.tag));
    const knownTags = new Set(known.map((m) => m.tag));
    return {
      unknown: applied.filter((a) => !knownTags.has(a.tag)).map((a) => a.tag),
      applied: applied.length,
      expected: known.length,
      latest: applied.at(-1)?.tag ?? null,
      pending: known.filter((m) => !done.has(m.tag)).map((m) => m.tag),
    };
  });

/**
 * Applies pending migrations under a session advisory lock, each one in its own transaction.
 * A failing migration is rolled back and re-thrown: the caller must not start serving.
 */
export const migrate = (
  database: Database,
  log: Logger,
  known = loadMigrations(),
): Promise<MigrationStatus> => {
  // The advisory lock serialises processes; this chain serialises callers sharing one session (PGlite).
  const run = (running.get(database) ?? Promise.resolve())
    .catch(() => {})
    .then(() => migrateLocked(database, log, known));
  running.set(database, run);
  return run;
};

const running = new WeakMap<Database, Promise<unknown>>();

const migrateLocked = async (
  database: Database,
  log: Logger,
  known: Migration[],
): Promise<MigrationStatus> => {
  await database.withSession(async (s) => {
    await s.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ensureTable(s);
      const applied = await appliedTags(s);
      assertNotNewer(applied, known);
      const byTag = new Map(applied.map((a) => [a.tag, a.hash]));
      for (const m of known) {
        const hash = byTag.get(m.tag);
        if (hash !== undefined) {
          if (hash !== m.hash)
            log.warn({ migration: m.tag }, 'an applied migration file has changed since it ran');
          continue;
        }
        log.info({ migration: m.tag }, 'applying migration');
        await s
          .transaction(async (tx) => {
            for (const statement of m.statements) await tx.query(statement);
            await tx.query('insert into schema_migrations (idx, tag, hash) values ($1, $2, $3)', [
              m.idx,
              m.tag,
              m.hash,
            ]);
          })
          .catch((err: unknown) => {
            const reason = err instanceof Error ? err.message : String(err);
            throw new MigrationError(`Migration ${m.tag} failed and was rolled back: ${reason}`, {
              cause: err,
            });
          });
      }
    } finally {
      await s.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
  return migrationStatus(database, known);
};
