import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { listenForNotifications } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// One LISTEN connection per process serves every channel, and one `select 1` round trip is the barrier for all
// of them (ADR 0007, amendment). PGlite has no connection to share (pglite.listen, sync is immediate).
const t = setupApiTest();
const log = pino({ level: 'silent' });

const listenerBackends = async () =>
  (
    (await t.database.db.execute(
      sql`select pid, state_change::text as "stateChange" from pg_stat_activity
          where datname = current_database() and application_name = 'tessera-listener'`,
    )) as unknown as { rows: { pid: number; stateChange: string }[] }
  ).rows;

describe.skipIf(testDbKind() !== 'postgres')('the shared notification listener', () => {
  it('listens to every channel on one connection and shares one round trip per arrival time', async () => {
    const got: string[] = [];
    const a = await listenForNotifications({
      database: t.database,
      channel: 'tessera_test_a',
      log,
      onMessage: (p) => got.push(`a:${p}`),
      onGap: () => {},
    });
    const b = await listenForNotifications({
      database: t.database,
      channel: 'tessera_test_b',
      log,
      onMessage: (p) => got.push(`b:${p}`),
      onGap: () => {},
    });
    try {
      // The app's principal cache, flag cache and dispatcher listen too: still one connection.
      expect(await listenerBackends()).toHaveLength(1);
      await t.database.db.execute(
        sql`select pg_notify('tessera_test_a', '1'), pg_notify('tessera_test_b', '2')`,
      );
      await b.sync();
      expect(got.sort()).toEqual(['a:1', 'b:2']);

      // A round trip sent after `since` serves every later sync(since) without another statement.
      const since = performance.now();
      await a.sync(since);
      const [first] = await listenerBackends();
      await b.sync(since);
      await a.sync(since);
      expect((await listenerBackends())[0]?.stateChange).toBe(first?.stateChange);
      // A caller that arrived later waits for a new one.
      await b.sync();
      await waitFor(async () => (await listenerBackends())[0]?.stateChange !== first?.stateChange);
    } finally {
      await a.close();
      await b.close();
    }
    // The app still listens: closing two subscribers keeps the shared connection.
    expect(await listenerBackends()).toHaveLength(1);
  });
});
