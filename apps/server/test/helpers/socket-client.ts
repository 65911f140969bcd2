import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { REALTIME_PATH } from '../../src/platform/realtime/index.ts';
import { type BrowserSession, cookieHeader } from './auth-client.ts';
import { waitFor } from './wait-for.ts';

export interface Received {
  event: string;
  data: Record<string, unknown>;
}

/** A real socket.io client that records every message it gets, in order. */
export interface TestSocket {
  socket: Socket;
  received: Received[];
  /** Waits for a message matching `match` and returns it. */
  next(event: string, match?: (data: Record<string, unknown>) => boolean): Promise<Received>;
  /** Resolves once the server has disconnected the socket. */
  disconnected(): Promise<string>;
  close(): void;
}

/** The app's origin once it listens (port 0 = any free port). */
export const listenUrl = async (app: FastifyInstance) => {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return address.replace('localhost', '127.0.0.1');
};

export type SocketCredentials = { session: BrowserSession } | { token: string } | Record<string, never>;

/** Connects as a browser session (cookie), a Bearer token / API key (`auth.token`) or with nothing. */
export const openSocket = (url: string, credentials: SocketCredentials): Socket =>
  io(url, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...('session' in credentials
      ? { extraHeaders: { cookie: cookieHeader(credentials.session.cookies) } }
      : {}),
    ...('token' in credentials ? { auth: { token: credentials.token } } : {}),
  });

/** Connects and waits until the server accepted the socket (rejects with the server's reason otherwise). */
export const connectSocket = async (url: string, credentials: SocketCredentials): Promise<TestSocket> => {
  const socket = openSocket(url, credentials);
  const received: Received[] = [];
  let reason: string | undefined;
  socket.onAny((event: string, data: Record<string, unknown>) => received.push({ event, data }));
  socket.on('disconnect', (r) => {
    reason = r;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    received,
    next: (event, match = () => true) =>
      waitFor(() => received.find((m) => m.event === event && match(m.data))),
    disconnected: () => waitFor(() => reason),
    close: () => socket.close(),
  };
};

/** The server's reason for refusing a socket. */
export const refusal = (url: string, credentials: SocketCredentials) =>
  new Promise<string>((resolve, reject) => {
    const socket = openSocket(url, credentials);
    socket.once('connect', () => {
      socket.close();
      reject(new Error('socket was accepted'));
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
