import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.ts';
import { outboxRows, probeDeliveries } from '../helpers/event-probe.ts';
import { adminQuery, databaseUrl } from '../helpers/postgres-admin.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs test/helpers/outbox-child.ts as its own Node process. */
const startChild = (env: Record<string, string>): Child => {
  let out = '';
  const child = spawn(process.execPath, ['test/helpers/outbox-child.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
};

const databaseEnv = async (): Promise<{ env: Record<string, string>; cleanup: () => Promise<unknown> }> => {
  if (testDbKind() === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL as string;
    const name = `tessera_o_${randomBytes(6).toString('hex')}`;
    await adminQuery(admin, `create database ${name}`);
    return {
      env: { DATABASE_URL: databaseUrl(admin, name) },
      cleanup: () => adminQuery(admin, `drop database if exists ${name} with (force)`),
    };
  }
  return { env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'tessera-outbox-')) }, cleanup: async () => {} };
};

const openAfter = (env: Record<string, string>) => {
  const log = pino({ level: 'silent' });
  return env.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolMax: 1, queryTimeoutMs: 10_000, log })
    : openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR as string, log });
};

/** kill -9 the process in `mode` once it printed `marker <event id>`, restart a dispatcher, expect one delivery. */
const crashThenRestart = async (mode: string, marker: RegExp) => {
  const db = await databaseEnv();
  try {
    const first = startChild({ ...db.env, OUTBOX_MODE: mode });
    const [, eventId] = (await waitFor(() => marker.exec(first.output()), 60_000)) as RegExpExecArray;
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.output()).not.toMatch(/delivered/);

    const second = startChild({ ...db.env, OUTBOX_MODE: 'dispatch' });
    await waitFor(() => second.output().includes(`delivered ${eventId}`), 60_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const database = await openAfter(db.env);
    try {
      expect(await probeDeliveries(database, 'crash')).toEqual([eventId]);
      expect(await outboxRows(database)).toEqual({ events: 0, deliveries: 0 });
    } finally {
      await database.close();
    }
  } finally {
    await db.cleanup();
  }
};

describe('the outbox survives kill -9', () => {
  it('an event committed by a process killed before dispatching it is delivered after the restart', async () => {
    await crashThenRestart('commit-then-hang', /committed (\S+)/);
  }, 180_000);

  it('an event whose delivery was under way when the process was killed is delivered once after the restart', async () => {
    await crashThenRestart('hang-in-delivery', /delivering (\S+)/);
  }, 180_000);
});
