import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../helpers/auth-client.ts';
import { canStartPrivatePostgres, startPrivatePostgres } from '../helpers/private-postgres.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const OUTAGES = 3;

interface Write {
  key: string;
  lastName: string;
  statuses: number[];
  retryAfter?: string | null;
}

// Runs with the PostgreSQL suites: it starts (and crashes) its own throwaway cluster, never the shared one.
describe.skipIf(testDbKind() !== 'postgres' || !canStartPrivatePostgres())(
  'the server under writes while PostgreSQL crashes and restarts',
  () => {
    let cluster: Awaited<ReturnType<typeof startPrivatePostgres>>;
    let server: ServerProcess;
    let token: string;

    beforeAll(async () => {
      cluster = await startPrivatePostgres(Number(await freePort()));
      server = await startServerProcess({
        PORT: await freePort(),
        DATABASE_URL: cluster.url,
        SEED_DEMO: 'false',
        DATABASE_POOL_MAX: '5',
        RATE_LIMIT_MAX: '100000',
      });
      const email = uniqueEmail('outage');
      const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantName: 'Outage Co', name: 'Owner', email, password: PASSWORD }),
      });
      expect(signup.status).toBe(201);
      const pair = await fetch(`${server.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      token = ((await pair.json()) as { data: { accessToken: string } }).data.accessToken;
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await cluster?.destroy();
    });

    const post = async (w: Write) => {
      const res = await fetch(`${server.url}/api/v1/leads`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': w.key,
        },
        body: JSON.stringify({ firstName: 'Trickle', lastName: w.lastName }),
      });
      const body = (await res.json()) as { success: boolean; error?: { code: string; message: string } };
      w.statuses.push(res.status);
      if (res.status !== 201) {
        w.retryAfter = res.headers.get('retry-after');
        // Never a 500 and never a message that leaks the driver's error.
        expect(res.status, JSON.stringify(body)).toBe(503);
        expect(body.error?.code).toBe('SERVICE_UNAVAILABLE');
      }
      return res.status;
    };

    it(`survives ${OUTAGES} crashes under writes: 503 + Retry-After during, 201 after, retries create once, nothing lost`, async () => {
      const writes: Write[] = [];
      let writing = true;
      let failedSinceStop = 0;
      let okSinceStart = 0;
      let writerError: unknown;
      // One write after another, for the whole test: a trickle that is always in flight somewhere.
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const w: Write = { key: randomUUID(), lastName: `W${i}`, statuses: [] };
          writes.push(w);
          try {
            if ((await post(w)) === 201) okSinceStart++;
            else failedSinceStop++;
          } catch (err) {
            writerError = err;
            return;
          }
        }
      })();
      // A failed write (the process died: "fetch failed"; or a 500) ends the test at once, with its cause.
      const until = (condition: () => boolean) =>
        waitFor(() => {
          if (writerError)
            throw new Error(
              `writes failed (server exit code ${server.child.exitCode}): ${String(writerError)}`,
            );
          return condition();
        }, 60_000);

      for (let outage = 0; outage < OUTAGES; outage++) {
        okSinceStart = 0;
        await until(() => okSinceStart >= 3);
        failedSinceStop = 0;
        await cluster.stop('immediate');
        await until(() => failedSinceStop >= 3);
        expect(server.child.exitCode).toBeNull();
        okSinceStart = 0;
        await cluster.start();
        await until(() => okSinceStart >= 3);
      }
      writing = false;
      await writer;
      expect(writerError).toBeUndefined();
      expect(server.child.exitCode).toBeNull();

      const failed = writes.filter((w) => w.statuses.at(-1) !== 201);
      expect(failed.length).toBeGreaterThanOrEqual(OUTAGES * 3);
      expect(failed.every((w) => w.retryAfter && Number(w.retryAfter) > 0)).toBe(true);
      // After recovery the client retries with the same Idempotency-Key until it is acknowledged.
      for (const w of failed) await waitFor(async () => (await post(w)) === 201, 60_000);
      expect(server.child.exitCode).toBeNull();

      // Every acknowledged write is there, exactly once (each write had its own key and name).
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ last_name: string; n: number }>(
          `select last_name, count(*)::int as n from leads where first_name = 'Trickle' group by last_name`,
        );
        const counts = new Map(rows.map((r) => [r.last_name, r.n]));
        expect(writes.map((w) => [w.lastName, counts.get(w.lastName)])).toEqual(
          writes.map((w) => [w.lastName, 1]),
        );
      } finally {
        await client.end();
      }
    }, 300_000);
  },
);
