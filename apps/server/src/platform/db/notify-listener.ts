import pg from 'pg';
import type { Database } from './database.ts';

/**
 * A `LISTEN` on one channel, for caches that must drop entries the moment another transaction (on any
 * instance) commits a change. PostgreSQL: every channel of one `Database` shares ONE dedicated connection
 * (reconnected with backoff), so one `select 1` round trip is the barrier for all of them. PGlite (one
 * process): `pglite.listen`, whose callbacks run while the committing statement's result is read.
 */
export interface NotifyListener {
  /** True while notifications are received. A cache must not serve entries while this is false. */
  readonly live: boolean;
  /**
   * Resolves once every notification committed before `since` (a `performance.now()` time, default: now)
   * has reached `onMessage`: a `select 1` on the listening connection SENT at or after `since` has completed
   * (PostgreSQL sends pending notifications before that statement's ReadyForQuery). Concurrent callers share
   * round trips, and a request passing its arrival time reuses the one an earlier step of the same request
   * waited for (authentication, then the feature gate: one round trip). Rejects when the listening
   * connection is down or fails meanwhile (notifications may have been missed).
   */
  sync(since?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ListenOptions {
  database: Database;
  channel: string;
  log: { warn(obj: object, msg: string): void };
  onMessage(payload: string): void;
  /** Called whenever notifications may have been missed (connection lost or re-established). */
  onGap(): void;
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
  let hub = hubs.get(database);
  if (!hub) {
    hub = createHub(database.connectionString, options.log, () => hubs.delete(database));
    hubs.set(database, hub);
  }
  return hub.subscribe(options);
};

type Subscriber = Pick<ListenOptions, 'channel' | 'onMessage' | 'onGap'>;
interface Hub {
  subscribe(options: Subscriber): Promise<NotifyListener>;
}
const hubs = new WeakMap<Database, Hub>();

const createHub = (url: string, log: ListenOptions['log'], onEmpty: () => void): Hub => {
  const subscribers = new Set<Subscriber>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let live = false;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;
  /** The round trip on the wire (with the time it was sent), the one queued behind it, the newest completed. */
  let inFlight: { sentAt: number; done: Promise<void> } | undefined;
  let queued: Promise<void> | undefined;
  let completedSentAt = Number.NEGATIVE_INFINITY;
  /** The channels the current connection has LISTENed to. */
  let listening = new Set<string>();

  const channelsOf = () => new Set([...subscribers].map((s) => s.channel));
  const gap = () => {
    completedSentAt = Number.NEGATIVE_INFINITY;
    for (const s of subscribers) s.onGap();
  };

  const lost = (reason: string) => {
    if (!live && !client) return;
    live = false;
    client = undefined;
    gap();
    if (closed) return;
    log.warn(
      { channels: [...channelsOf()], reason },
      'notification listener lost its connection; reconnecting',
    );
    retryTimer = setTimeout(() => void connect().catch(() => {}), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const open = async () => {
    const c = new pg.Client({ connectionString: url, application_name: 'tessera-listener', keepAlive: true });
    c.on('error', (err) => lost(err.message));
    c.on('end', () => lost('connection ended'));
    c.on('notification', (msg) => {
      if (msg.payload === undefined) return;
      for (const s of subscribers) if (s.channel === msg.channel) s.onMessage(msg.payload);
    });
    const channels = channelsOf();
    try {
      await c.connect();
      for (const channel of channels) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      await c.end().catch(() => {});
      client = c;
      lost(err instanceof Error ? err.message : String(err));
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    listening = channels;
    retryMs = 250;
    // Anything committed while we were not listening is unknown: start from an empty cache.
    gap();
    live = true;
  };
  const connect = () => {
    connecting ??= open().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const send = () => {
    const c = client;
    const sentAt = performance.now();
    const done = (async () => {
      if (!c || !live) throw new Error('notification listener is not connected');
      await c.query('select 1');
      if (client !== c || !live) throw new Error('notification listener lost its connection');
      completedSentAt = Math.max(completedSentAt, sentAt);
    })().finally(() => {
      if (inFlight?.done === done) inFlight = undefined;
    });
    inFlight = { sentAt, done };
    return done;
  };
  const sync = (since = performance.now()): Promise<void> => {
    if (!live) return Promise.reject(new Error('notification listener is not connected'));
    if (completedSentAt >= since) return Promise.resolve();
    if (!inFlight) return send();
    if (inFlight.sentAt >= since) return inFlight.done;
    // The round trip on the wire may predate the caller's view of a commit: share the next one.
    queued ??= inFlight.done
      .catch(() => {})
      .then(() => {
        queued = undefined;
        return send();
      });
    return queued;
  };

  return {
    subscribe: async (options) => {
      const sub: Subscriber = {
        channel: options.channel,
        onMessage: options.onMessage,
        onGap: options.onGap,
      };
      subscribers.add(sub);
      if (!client) await connect().catch(() => {});
      // Also when this channel came while the connection was being opened with the others.
      const c = client;
      if (c && !listening.has(sub.channel)) {
        await c.query(`LISTEN ${pg.escapeIdentifier(sub.channel)}`).then(
          () => {
            if (client === c) listening.add(sub.channel);
          },
          (err: Error) => {
            if (client === c) void c.end().catch(() => {});
            lost(err.message);
          },
        );
      }
      let active = true;
      return {
        get live() {
          return active && live;
        },
        sync: (since?: number) =>
          active ? sync(since) : Promise.reject(new Error('notification listener is closed')),
        close: async () => {
          if (!active) return;
          active = false;
          subscribers.delete(sub);
          if (subscribers.size > 0) {
            if (client && live && !channelsOf().has(sub.channel)) {
              listening.delete(sub.channel);
              await client.query(`UNLISTEN ${pg.escapeIdentifier(sub.channel)}`).catch(() => {});
            }
            return;
          }
          closed = true;
          live = false;
          onEmpty();
          clearTimeout(retryTimer);
          const c = client;
          client = undefined;
          await c?.end().catch(() => {});
        },
      };
    },
  };
};
