import pg from 'pg';
import type { Database } from './database.ts';

/**
 * A `LISTEN` on one channel, for caches that must drop entries the moment another transaction (on any
 * instance) commits a change. PostgreSQL: one dedicated connection, reconnected with backoff. PGlite (one
 * process): `pglite.listen`, whose callbacks run while the committing statement's result is read.
 */
export interface NotifyListener {
  /** True while notifications are received. A cache must not serve entries while this is false. */
  readonly live: boolean;
  /**
   * Resolves once every notification committed before the call has reached `onMessage`: one `select 1`
   * on the listening connection (PostgreSQL sends pending notifications before that statement's
   * ReadyForQuery); concurrent callers share the round trip that starts after they called. Rejects when
   * the listening connection is down or fails meanwhile (notifications may have been missed).
   */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ListenOptions {
  database: Database;
  channel: string;
  log: { warn(obj: object, msg: string): void };
  onMessage(payload: string): void;
  /** Called whenever notifications may have been missed (connection lost or re-established). */
  onGap(): void;
  /** How the connection shows in `pg_stat_activity` (default `tessera-listener`). */
  applicationName?: string;
}

export const listenForNotifications = async (options: ListenOptions): Promise<NotifyListener> => {
  const { database, channel, onMessage } = options;
  if (database.kind === 'pglite' && database.pglite) {
    const unlisten = await database.pglite.listen(channel, onMessage);
    let live = true;
    return {
      get live() {
        return live;
      },
      sync: () => Promise.resolve(),
      close: async () => {
        live = false;
        await unlisten();
      },
    };
  }
  if (!database.connectionString) throw new Error('listenForNotifications needs a connection string');
  return listenOnPostgres(database.connectionString, options);
};

const listenOnPostgres = async (url: string, options: ListenOptions): Promise<NotifyListener> => {
  const { channel, log, onMessage, onGap, applicationName = 'tessera-listener' } = options;
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const lost = (reason: string) => {
    if (!live && !client) return;
    live = false;
    client = undefined;
    onGap();
    if (closed) return;
    log.warn({ channel, reason }, 'notification listener lost its connection; reconnecting');
    retryTimer = setTimeout(() => void connect().catch(() => {}), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: applicationName, keepAlive: true });
    c.on('error', (err) => lost(err.message));
    c.on('end', () => lost('connection ended'));
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      await c.end().catch(() => {});
      client = c;
      lost(err instanceof Error ? err.message : String(err));
      throw err;
    }
    client = c;
    retryMs = 250;
    // Anything committed while we were not listening is unknown: start from an empty cache.
    onGap();
    live = true;
  };

  /** Rejects when the listening connection is not usable: the caller must not trust its cache then. */
  const roundTrip = async () => {
    const c = client;
    if (!c || !live) throw new Error('notification listener is not connected');
    await c.query('select 1');
  };
  const send = () => {
    const trip = roundTrip().finally(() => {
      if (inFlight === trip) inFlight = undefined;
    });
    inFlight = trip;
    return trip;
  };

  await connect().catch(() => {});
  return {
    get live() {
      return live;
    },
    sync: () => {
      if (queued) return queued;
      if (!inFlight) return send();
      // A round trip already sent may predate the caller's view of a commit: share the next one.
      queued = inFlight
        .catch(() => {})
        .then(() => {
          queued = undefined;
          return send();
        });
      return queued;
    },
    close: async () => {
      closed = true;
      live = false;
      clearTimeout(retryTimer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
};
