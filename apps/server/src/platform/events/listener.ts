import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { listenForNotifications } from '../db/notify-listener.ts';

/** The channel the outbox trigger notifies (payload: the tenant id) when an emitting transaction commits. */
export const EVENTS_CHANNEL = 'tessera_events';

/**
 * Calls `onNotify` when events are committed, through the platform's one `LISTEN` mechanism (PGlite's own, or
 * a dedicated PostgreSQL connection that reconnects). A gap (connection lost or back) also calls it, so the
 * dispatcher catches up; its polling covers the time in between. Returns the function that stops listening.
 */
export const listenForEvents = async (
  database: Database,
  onNotify: () => void,
  log: Logger,
): Promise<() => Promise<void>> => {
  if (!database.pglite && !database.connectionString) return async () => {};
  const listener = await listenForNotifications({
    database,
    channel: EVENTS_CHANNEL,
    log,
    onMessage: () => onNotify(),
    onGap: () => onNotify(),
  });
  return () => listener.close();
};
