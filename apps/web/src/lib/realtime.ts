import { io, type Socket } from 'socket.io-client';

/** The server's socket.io path (same origin as the API). */
export const REALTIME_PATH = '/api/socket.io';

/** `record.changed`: a record the user may see changed; the app refetches what shows it. */
export interface RecordChanged {
  entity: string;
  id: string;
  version: number;
}

/** Messages addressed to the signed-in user (a toast) or the whole company. */
export type AddressedEvent =
  | { type: 'lead.assigned'; leadId: string }
  | { type: 'task.assigned'; taskId: string }
  | { type: 'deal.won'; dealId: string };

export interface RealtimeHandlers {
  onRecordChanged(change: RecordChanged): void;
  onEvent(event: AddressedEvent): void;
  /** True once connected, false while a socket that was connected is lost (it keeps trying). */
  onConnectionChange(connected: boolean): void;
  /** The server refused the socket (session expired): refresh the session, then resolve to try again. */
  refreshSession(): Promise<unknown>;
}

/** Query keys of an entity's data (lists, details, board) in the web app: `lead` → `['leads']`. */
export const queryKeysFor = (entity: string): readonly (readonly string[])[] => {
  const root = entity === 'company' ? 'companies' : `${entity}s`;
  return [[root], ['timeline']];
};

const ADDRESSED = ['lead.assigned', 'task.assigned', 'deal.won'] as const;

/**
 * The app's one socket (cookie-authenticated, same origin). socket.io reconnects a lost transport by itself;
 * a handshake the server refused (expired access token) is retried after a session refresh, with backoff.
 */
export function connectRealtime(handlers: RealtimeHandlers, url?: string): () => void {
  const socket: Socket = io(url ?? window.location.origin, {
    path: REALTIME_PATH,
    transports: ['websocket', 'polling'],
    withCredentials: true,
  });
  let closed = false;
  // "Lost" means it was connected before: a socket that never connected (no server) shows no banner.
  let wasConnected = false;
  let retryMs = 1_000;
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    retryMs = 1_000;
    wasConnected = true;
    handlers.onConnectionChange(true);
  });
  socket.on('disconnect', () => {
    if (!closed && wasConnected) handlers.onConnectionChange(false);
  });
  socket.on('connect_error', () => {
    if (wasConnected) handlers.onConnectionChange(false);
    if (socket.active || closed) return; // socket.io retries by itself
    retry = setTimeout(() => {
      void handlers
        .refreshSession()
        .catch(() => {})
        .finally(() => {
          if (!closed) socket.connect();
        });
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  });
  socket.on('session.ended', () => {
    socket.disconnect();
    void handlers
      .refreshSession()
      .catch(() => {})
      .finally(() => {
        if (!closed) socket.connect();
      });
  });
  socket.on('record.changed', (change: RecordChanged) => handlers.onRecordChanged(change));
  for (const type of ADDRESSED)
    socket.on(type, (data: Record<string, string>) => handlers.onEvent({ type, ...data } as AddressedEvent));
  return () => {
    closed = true;
    clearTimeout(retry);
    socket.close();
  };
}
