import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';

/** The channel the outbox trigger notifies (payload: the tenant id) when an emitting transaction commits. */
export const EVENTS_CHANNEL = 'tessera_events';

const RECONNECT_MS = 2_000;

/**
 * Calls `onNotify` when events are committed: PGlite's own LISTEN, or a dedicated PostgreSQL connection that
 * reconnects after a loss (the dispatcher's polling covers the gap). Returns the function that stops listening.
 */
export const listenForEvents = async (
  database: Database,
  onNotify: () => void,
  log: Logger,
): Promise<() => Promise<void>> => {
  if (database.pglite) return database.pglite.listen(EVENTS_CHANNEL, onNotify);
  if (!database.connectionString) return async () => {};
  const url = database.connectionString;
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: 'tessera-events' });
    c.on('notification', onNotify);
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'event listener connection lost: polling until it is back');
      void c.end().catch(() => {});
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      client = c;
      onNotify(); // catch up with anything committed while not listening
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'event listener could not connect: polling until it can');
      void c.end().catch(() => {});
      schedule();
    }
  };
  const schedule = () => {
    client = undefined;
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, RECONNECT_MS);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => {});
  };
};
