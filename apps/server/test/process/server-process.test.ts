import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.ts';
import { adminQuery, databaseUrl } from '../helpers/postgres-admin.ts';
import { freePort, logLines, startServerProcess } from '../helpers/server-process.ts';
import { testDbKind } from '../helpers/test-database.ts';

/** Database settings for a server process: an empty PGlite directory, or an empty PostgreSQL database. */
const databaseEnv = async (): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> => {
  if (testDbKind() === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL as string;
    const name = `tessera_p_${randomBytes(6).toString('hex')}`;
    await adminQuery(admin, `create database ${name}`);
    return {
      env: { DATABASE_URL: databaseUrl(admin, name) },
      cleanup: async () => {
        await adminQuery(admin, `drop database if exists ${name} with (force)`);
      },
    };
  }
  return { env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'tessera-data-')) }, cleanup: async () => {} };
};

describe('the server process (as npm start runs it)', () => {
  it('starts, serves health, logs one JSON line per request without secrets, and stops on SIGTERM', async () => {
    const db = await databaseEnv();
    const server = await startServerProcess({ PORT: await freePort(), ...db.env });
    try {
      expect(server.output()).toMatch(/Tessera is running at http:\/\/localhost:/);
      const res = await fetch(`${server.url}/api/health`, {
        headers: {
          authorization: 'Bearer super-secret-token',
          cookie: 'session=secret-cookie',
          'x-request-id': 'req-42',
        },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { db: string } }).data.db).toBe('connected');
      await fetch(`${server.url}/api/v1/_missing`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer super-secret-token' },
        body: JSON.stringify({ password: 'hunter2-password' }),
      });
      const code = await server.stop('SIGTERM');
      expect(code).toBe(0);
      const requests = logLines(server.output(), 'request');
      const health = requests.find((l) => l.requestId === 'req-42');
      expect(health).toMatchObject({ method: 'GET', route: '/api/health', status: 200 });
      expect(typeof health?.ms).toBe('number');
      expect(requests.filter((l) => l.requestId === 'req-42')).toHaveLength(1);
      expect(server.output()).not.toMatch(/super-secret-token|secret-cookie|hunter2-password/);
      expect(logLines(server.output(), 'stopped')).toHaveLength(1);
    } finally {
      await server.stop('SIGKILL');
      await db.cleanup();
    }
  }, 90_000);

  it('a second start reuses the data: no migrations applied, no second demo tenant', async () => {
    const db = await databaseEnv();
    try {
      const first = await startServerProcess({ PORT: await freePort(), ...db.env });
      await first.stop();
      expect(logLines(first.output(), 'applying migration').length).toBeGreaterThan(0);
      expect(
        logLines(first.output()).filter((l) => String(l.msg).startsWith('demo company created')),
      ).toHaveLength(1);
      const second = await startServerProcess({ PORT: await freePort(), ...db.env });
      await second.stop();
      expect(second.output()).toMatch(/Tessera is running/);
      expect(logLines(second.output(), 'applying migration')).toHaveLength(0);
      expect(
        logLines(second.output()).filter((l) => String(l.msg).startsWith('demo company created')),
      ).toHaveLength(0);
    } finally {
      await db.cleanup();
    }
  }, 120_000);

  it('refuses to start on a database migrated by a newer version, and says why', async () => {
    const db = await databaseEnv();
    try {
      const first = await startServerProcess({ PORT: await freePort(), ...db.env });
      await first.stop();
      const log = pino({ level: 'silent' });
      const database = db.env.DATABASE_URL
        ? await openDatabase({
            kind: 'postgres',
            url: db.env.DATABASE_URL,
            poolMax: 1,
            queryTimeoutMs: 5000,
            log,
          })
        : await openDatabase({ kind: 'pglite', dataDir: db.env.DATA_DIR, log });
      await database.withSession((s) =>
        s.query("insert into schema_migrations (idx, tag, hash) values (9999, '9999_from_the_future', 'x')"),
      );
      await database.close();
      const second = await startServerProcess({ PORT: await freePort(), ...db.env });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/9999_from_the_future/);
      expect(second.output()).toMatch(/migrated by a newer version/);
      expect(second.output()).not.toMatch(/Tessera is running/);
    } finally {
      await db.cleanup();
    }
  }, 120_000);

  it.skipIf(testDbKind() !== 'pglite')(
    'refuses a second process on the same embedded data directory',
    async () => {
      const db = await databaseEnv();
      const first = await startServerProcess({ PORT: await freePort(), ...db.env });
      try {
        const second = await startServerProcess({ PORT: await freePort(), ...db.env });
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(/in use by another Tessera process/);
        const health = await fetch(`${first.url}/api/health`);
        expect(health.status).toBe(200);
      } finally {
        await first.stop();
      }
    },
    60_000,
  );

  it('an invalid configuration stops the process with a readable list of what is wrong', async () => {
    const server = await startServerProcess({
      PORT: 'not-a-port',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
    });
    expect(await server.exited).toBe(1);
    const out = server.output();
    expect(out).toMatch(/Invalid configuration/);
    expect(out).toMatch(/PORT:/);
    expect(out).toMatch(/LOG_LEVEL:/);
    expect(out).toMatch(/DATABASE_URL: must be a postgres/);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
