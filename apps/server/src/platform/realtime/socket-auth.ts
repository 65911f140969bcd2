import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { Principal } from '../access/index.ts';
import { type RealtimeHub, roomOf, type SocketData } from './realtime-hub.ts';

/** The handshake's credentials → a principal (the identity module's authentication), or why not. */
export type SocketAuthenticator = (
  headers: IncomingHttpHeaders,
  bearer: string | undefined,
) => Promise<Principal | string | undefined>;

export interface SocketAuthOptions {
  hub: RealtimeHub;
  authenticate: SocketAuthenticator;
  log: Logger;
  /**
   * Subscribes to committed revocations (`s:<session>`, `k:<key>`, `m:<tenant>:<user>`, `t:<tenant>`, other
   * = anything; undefined = notifications may have been missed): the identity module's `tessera_principals`.
   */
  onRevocation(fn: (payload: string | undefined) => void): void;
}

const bearerOf = (socket: Socket) => {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token.length > 0 && token.length < 4096 ? token : undefined;
};

/** Is the socket concerned by a revocation payload? */
const concerned = (p: Principal, payload: string) => {
  const [kind, id, userId] = payload.split(':');
  if (kind === 's') return p.sessionId === id;
  if (kind === 'k') return p.apiKeyId === id;
  if (kind === 'm') return p.tenantId === id && p.userId === userId;
  if (kind === 't') return p.tenantId === id;
  return true;
};

/** A browser socket authenticated by cookie must come from our own origin (no cross-site socket hijacking). */
const sameOrigin = (headers: IncomingHttpHeaders) => {
  const origin = headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
};

/**
 * Sockets are authenticated like HTTP requests (session cookie, Bearer access token or API key in the
 * handshake's `auth.token`); no credentials → refused. Each joins `tenant:<id>` and `user:<id>`. Whenever a
 * revocation concerning a socket is committed (session revoked, logout, member disabled, role changed …), its
 * credentials are checked again: no longer valid → disconnected; still valid → its principal is refreshed.
 */
export const registerSocketAuth = (options: SocketAuthOptions) => {
  const { hub, authenticate, log } = options;
  const check = async (socket: Socket) => {
    const bearer = bearerOf(socket);
    if (!bearer && !sameOrigin(socket.handshake.headers)) return 'Cross-origin socket refused';
    return (await authenticate(socket.handshake.headers, bearer)) ?? 'Authentication required';
  };
  hub.io.use((socket, next) => {
    check(socket)
      .then((result) => {
        if (typeof result === 'string') return next(new Error(result));
        (socket.data as SocketData).principal = result;
        void socket.join([
          roomOf.tenant(result.tenantId),
          ...(result.userId ? [roomOf.user(result.userId)] : []),
        ]);
        next();
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'socket authentication failed');
        next(new Error('Authentication failed'));
      });
  });
  const recheck = (payload?: string) => {
    for (const socket of hub.localSockets()) {
      const principal = (socket.data as SocketData).principal;
      if (!principal || (payload !== undefined && !concerned(principal, payload))) continue;
      void check(socket)
        .then((result) => {
          if (typeof result === 'string') {
            socket.emit('session.ended', { reason: result });
            socket.disconnect(true);
          } else (socket.data as SocketData).principal = result;
        })
        .catch(() => socket.disconnect(true));
    }
  };
  options.onRevocation(recheck);
};
