import type { Server as HttpServer } from 'node:http';
import type { Permission, ScopedResource } from '@tessera/contracts';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { inScope, type Principal } from '../access/index.ts';

/** The socket.io endpoint's path (the web app and the Vite dev proxy use it). */
export const REALTIME_PATH = '/api/socket.io';
const RELAY = 'tessera:deliver';

/** Who may see the record a message is about: view permission, record scope on its owner. */
export interface RealtimeVisibility {
  view: Permission;
  scope?: { resource: ScopedResource; ownerId: string | null; ownerTeamMates: readonly string[] };
  /** Members who see the record whatever their scope (e.g. a job's crew), given the view permission. */
  alsoUserIds?: readonly string[];
}

/** One message for the sockets of a tenant (or of one user in it), filtered per socket by its principal. */
export interface RealtimeMessage {
  tenantId: string;
  event: string;
  data: Record<string, unknown>;
  /** Only this user's sockets (room `user:<id>`); else the tenant room. */
  userId?: string;
  visibility: RealtimeVisibility;
}

export interface SocketData {
  principal: Principal;
}

/** May this principal see a message's record? Permission first, then the record scope on the owner. */
export const mayReceive = (p: Principal, v: RealtimeVisibility) => {
  if (!p.permissions.has(v.view)) return false;
  if (!v.scope) return true;
  if (p.userId && v.alsoUserIds?.includes(p.userId)) return true;
  return inScope(p, v.scope.resource, v.scope.ownerId, new Set(v.scope.ownerTeamMates));
};

export interface RealtimeHub {
  readonly io: Server;
  /** Delivers to this instance's sockets and, with Redis, to every other instance's. */
  publish(message: RealtimeMessage): void;
  /** This instance's sockets (metrics, revocation checks). */
  localSockets(): Socket[];
  close(): Promise<void>;
}

export interface RealtimeOptions {
  log: Logger;
  /** Fan out between instances through Redis (socket.io's Redis adapter). */
  redisUrl?: string | undefined;
  /** Attach to this HTTP server; without it the hub only publishes (a worker's dispatcher, through Redis). */
  server?: HttpServer;
}

export const roomOf = { tenant: (id: string) => `tenant:${id}`, user: (id: string) => `user:${id}` };

export const createRealtimeHub = async ({ log, redisUrl, server }: RealtimeOptions): Promise<RealtimeHub> => {
  const io = new Server({ path: REALTIME_PATH, serveClient: false, transports: ['websocket', 'polling'] });
  // ioredis and the adapter are loaded only with REDIS_URL (not at every start-up).
  const fanOut = redisUrl
    ? await Promise.all([import('ioredis'), import('@socket.io/redis-adapter')])
    : undefined;
  const redis =
    fanOut && redisUrl
      ? new fanOut[0].Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false })
      : undefined;
  const sub = redis?.duplicate();
  for (const client of [redis, sub]) client?.on('error', (err) => log.warn({ err }, 'realtime redis error'));
  if (fanOut && redis && sub) io.adapter(fanOut[1].createAdapter(redis, sub));
  if (server) io.attach(server);

  const deliverLocal = (m: RealtimeMessage) => {
    const room = m.userId ? roomOf.user(m.userId) : roomOf.tenant(m.tenantId);
    const allowed: string[] = [];
    for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
      const principal = (io.sockets.sockets.get(id)?.data as SocketData | undefined)?.principal;
      if (principal?.tenantId === m.tenantId && mayReceive(principal, m.visibility)) allowed.push(id);
    }
    // One broadcast to the allowed sockets' own rooms: the packet is encoded once, not once per socket.
    if (allowed.length > 0) io.local.to(allowed).emit(m.event, m.data);
  };
  io.on(RELAY, (m: RealtimeMessage) => deliverLocal(m));

  return {
    io,
    publish: (m) => {
      deliverLocal(m);
      if (redis) io.serverSideEmit(RELAY, m);
    },
    localSockets: () => [...io.sockets.sockets.values()],
    close: async () => {
      // Not io.close(): that would also close the HTTP server, which Fastify closes itself.
      io.disconnectSockets(true);
      if (server) io.engine.close();
      await io.of('/').adapter.close();
      await Promise.all([redis?.quit().catch(() => {}), sub?.quit().catch(() => {})]);
    },
  };
};
